export * from './model/index.js';
export * from './data/index.js';

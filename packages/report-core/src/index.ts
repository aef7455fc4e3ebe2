export * from './model/index.js';
export * from './data/index.js';
export * from './parse/index.js';
export * from './indicators/index.js';
export * from './search/index.js';
export * from './edit/index.js';
export * from './hash/index.js';
export * from './labels/index.js';

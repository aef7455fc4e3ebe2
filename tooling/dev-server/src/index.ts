export { withVite } from './with-vite.js';
export type { DevUi, WithViteOptions } from './with-vite.js';
export { devCsp } from './dev-csp.js';

import config from './index.js';

// The fixtures break the rules on purpose; boundaries.test.ts lints them with their own config.
export default [...config, { ignores: ['fixtures/**'] }];

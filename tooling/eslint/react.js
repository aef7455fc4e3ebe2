import reactHooks from 'eslint-plugin-react-hooks';
import base from './index.js';

// The rules of hooks and the React Compiler's checks, all as errors: a warning is read by no one.
const recommended = reactHooks.configs.flat.recommended;

/** The shared config plus eslint-plugin-react-hooks' recommended rules, for packages with React. */
export default [
  ...base,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: recommended.plugins,
    rules: Object.fromEntries(Object.keys(recommended.rules).map((rule) => [rule, 'error'])),
  },
];

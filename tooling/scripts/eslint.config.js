import config from '@leshan/eslint-config';

export default [
  ...config,
  {
    // The start script is what starts the apps: it checks every setting with each app's own
    // reader (by package name: admin/env, viewer/env, export-worker/env) before it starts any.
    // Relative imports out of this package and cycles stay refused.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

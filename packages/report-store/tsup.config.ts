import { defineConfig } from 'tsup';

// ESM only (a private package for the apps); drivers stay external, resolved from node_modules.
// One entry per `exports` path: the store, its settings (read by the apps and the start script),
// the password rule (also imported by the admin's browser form) and the feedback schemas (the
// viewer's form and the admin's queue screen).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    env: 'src/env.ts',
    'password-rule': 'src/auth/password-rule.ts',
    feedback: 'src/schemas/feedback-schemas.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});

import type { LoadFigures } from './figures.js';

/** The home-page load figures of the 2026-11-29 fresh-clone CI run (RELIABILITY.md), for tests. */
export const homeLoad: LoadFigures = {
  target: 'viewer home page',
  paths: ['/'],
  connections: 200,
  seconds: 30,
  timeoutSeconds: 30,
  requests: 54_688,
  reqPerSec: 1_823,
  latencyP50Ms: 97,
  latencyP99Ms: 167,
  latencyMaxMs: 10_087,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  megabytes: 542.2,
};

import { describe, expect, it } from 'vitest';
import type { Results } from '../reliability/lib/figures.js';
import { accountAttacks, homeLoad } from '../reliability/lib/figures.fixtures.js';
import { renderReliabilityPage } from './reliability-page.js';

const nothing: Results = {
  parts: { load: {}, faults: {}, 'bad-input': {}, access: {}, integrity: {}, accounts: {} },
  run: undefined,
  vitest: undefined,
};

describe('the RELIABILITY.md page', () => {
  it('says FAILED and names each part without figures when a run left nothing', () => {
    const page = renderReliabilityPage(nothing);
    expect(page).toContain('| result | **FAILED** (the test runner wrote no report) |');
    for (const part of ['the load tests', 'the admin fault test', 'the access tests'])
      expect(page).toContain(`_No figures: ${part} did not record any`);
    expect(page).toContain('_The test runner recorded no results._');
  });

  it('says FAILED when vitest exited non-zero with no failed test (an error outside the tests)', () => {
    const page = renderReliabilityPage({
      ...nothing,
      vitest: { numTotalTests: 3, numPassedTests: 3, numFailedTests: 0, testResults: [] },
    });
    expect(page).toContain(
      '| result | **FAILED** (no test failed, but vitest exited with no recorded code) |',
    );
  });

  it('shows the recorded figures and each test with its result', () => {
    const page = renderReliabilityPage({
      ...nothing,
      parts: { ...nothing.parts, load: { home: homeLoad } },
      run: {
        startedAt: '2026-11-29T07:05:51.123Z',
        finishedAt: '2026-11-29T07:07:53.000Z',
        seconds: 122,
        exitCode: 1,
      },
      vitest: {
        numTotalTests: 2,
        numPassedTests: 1,
        numFailedTests: 1,
        testResults: [
          {
            name: '/repo/apps/system-tests/reliability/load.test.ts',
            assertionResults: [
              {
                title: 'serves the home page',
                ancestorTitles: ['load on the viewer'],
                status: 'passed',
                duration: 31_200,
                failureMessages: [],
              },
              {
                title: 'serves the public API',
                ancestorTitles: ['load on the viewer'],
                status: 'failed',
                duration: null,
                failureMessages: ['AssertionError: expected 3 to be 0\n    at load.test.ts:60'],
              },
            ],
          },
        ],
      },
    });
    expect(page).toContain('| result | **FAILED** (1 of 2 tests failed) |');
    expect(page).toContain('| date | 2026-11-29 07:05:51 UTC |');
    expect(page).toContain(
      '| viewer home page | `/` | 200 | 30 | 30 | 54,688 | 1,823 | 97 | 167 | 10,087 | 0 | 0 | 0 | 542.2 |',
    );
    expect(page).toContain('**load.test.ts**');
    expect(page).toContain('- ✓ load on the viewer › serves the home page (31.2 s)');
    expect(page).toContain('- ✗ load on the viewer › serves the public API');
    expect(page).toContain('  - `AssertionError: expected 3 to be 0`');
  });
  it('shows the integrity figures: each kill -9 under pnpm start and each phase’s descriptors', () => {
    const page = renderReliabilityPage({
      ...nothing,
      parts: {
        ...nothing.parts,
        integrity: {
          kills: [{ app: 'viewer', othersAnsweredDuringOutage: true, killToBackMs: 6153 }],
          resources: [
            {
              phase: 'download floods',
              app: 'viewer',
              fdsBefore: 23,
              fdsAfter: 720,
              rssMbBefore: 115.6,
              rssMbAfter: 149.1,
            },
          ],
        },
      },
    });
    expect(page).toContain('| viewer | yes | 6,153 ms |');
    expect(page).toContain('| download floods | viewer | 23 → 720 | 115.6 → 149.1 |');
    expect(page).toContain('| edition without jobs → all its files | — |');
  });

  it('shows the accounts attacks side by side for SQLite and PostgreSQL (issue 15)', () => {
    const page = renderReliabilityPage({
      ...nothing,
      parts: {
        ...nothing.parts,
        accounts: { sqlite: accountAttacks, postgres: { ...accountAttacks, burstEvaluated: 4 } },
      },
    });
    expect(page).toContain('## Accounts');
    expect(page).toContain('| attack | SQLite | PostgreSQL |');
    expect(page).toContain('| … evaluated (limit per account+address) | 5 (≤ 5) | 4 (≤ 5) |');
    expect(page).toContain('| … rounds that left no active admin | 0 | 0 |');
    expect(page).toContain('| … sessions alive afterwards | 10 | 10 |');
    expect(page).toContain('12, answered 7 × 413, 5 × closed');
  });

  it('names the accounts attacks as missing when neither engine recorded figures', () => {
    expect(renderReliabilityPage(nothing)).toContain(
      '_No figures: the accounts attacks did not record any',
    );
  });
});

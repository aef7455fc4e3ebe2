import { canonicalReport } from '@leshan/report-core';
import { COMMITMENT_LABELS } from '@leshan/report-core/labels';
import { describe, expect, it } from 'vitest';
import { indicatorRows } from './indicator-rows.js';

describe('issue 17: the website and the API call a target’s commitment what the report calls it', () => {
  it('gives every row report-core’s word and the target in words (新增 for an increment)', () => {
    const rows = indicatorRows(canonicalReport);
    for (const r of rows) expect(r.commitmentLabel).toBe(COMMITMENT_LABELS[r.commitment].zh);
    expect(rows.filter((r) => r.commitment === 'binding').map((r) => r.id)).toEqual(['m282-t1']);
    expect(JSON.stringify(rows)).not.toMatch(/约束性|预期性/u);
    expect(rows.find((r) => r.id === 'm38-t1')?.target).toBe('新增 210公里');
  });
});

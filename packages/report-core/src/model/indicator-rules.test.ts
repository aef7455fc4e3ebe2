import { describe, expect, it } from 'vitest';
import { applyCommand } from '../edit/apply-command.js';
import { smallReport } from '../edit/small-report.fixture.js';

const edit = (patch: Record<string, unknown>) =>
  applyCommand(smallReport(), { type: 'indicator.update', id: 'm1-t1', patch });

describe('indicator edits (issue 13 point 6)', () => {
  it('refuses a unit the wording does not have, naming the field and the fix', () => {
    const result = edit({ unit: '米' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.path).toBe('chapters.0.sections.0.measures.0.indicators.0.unit');
      expect(result.error.message.zh).toContain(
        '单位“米”没有出现在原文措辞“210公里”中：请把单位改成',
      );
    }
  });

  it('refuses a negative count; a percent still needs its unit in the wording', () => {
    const negative = edit({ value: -3 });
    expect(negative.ok ? '' : negative.error.message.zh).toContain('目标值不能是负数');
    const fall = applyCommand(smallReport(), {
      type: 'indicator.add',
      measureId: 'm2',
      indicator: {
        id: 'm2-t1',
        metric: '能耗',
        value: -5,
        unit: '%',
        comparator: 'eq',
        raw: '乐山',
        aspirational: false,
      },
    });
    expect(fall.ok ? '' : fall.error.message.zh).toContain('单位“%”没有出现');
  });

  it('says in Chinese, not in the schema library’s words, that a value must be a number', () => {
    const result = edit({ value: 'abc' });
    expect(result.ok ? '' : result.error.message.zh).toContain('目标值必须是数字，如 210');
  });

  it('accepts an edit that keeps the unit in the wording', () => {
    expect(edit({ value: 200 }).ok).toBe(true);
  });
});

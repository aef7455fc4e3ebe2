import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sample-report.js';
import { issuePlace } from './issue-place.js';

describe('issuePlace (issue 13 point 8: words an editor understands)', () => {
  it('names the innermost node on the path, never the path itself', () => {
    const report = sampleReport();
    expect(issuePlace(report, ['chapters', 0, 'sections', 0, 'measures', 0, 'text'])).toBe(
      '第一章 · 做强绿色硅产业 · “推进五通桥区光伏产业基地…”',
    );
    expect(issuePlace(report, ['chapters', 1, 'sections', 0, 'title'])).toBe('第二章 · 待补充标题');
  });

  it('says 报告 for a path that names no node, and survives a path that leads nowhere', () => {
    const report = sampleReport();
    expect(issuePlace(report, ['meta', 'title'])).toBe('报告');
    expect(issuePlace(report, ['chapters', 9, 'sections', 0])).toBe('报告');
  });
});

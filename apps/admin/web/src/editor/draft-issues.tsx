import { useMemo } from 'react';
import { validateReport } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';

/**
 * A draft that breaks the model's rules (after importing a raw text, say) cannot be published;
 * this lists why, in Chinese, at the top of the editor.
 */
export function DraftIssues({ report }: { report: Report }) {
  const result = useMemo(() => validateReport(report), [report]);
  if (result.ok) return null;
  return (
    <details className="error-banner draft-issues">
      <summary>草稿有 {result.issues.length} 处不符合数据规则，修正前无法发布</summary>
      <ul>
        {result.issues.slice(0, 30).map((issue, i) => (
          <li key={i}>
            <code>{issue.path === '' ? '（整份报告）' : issue.path}</code>：{issue.message.zh}
          </li>
        ))}
      </ul>
    </details>
  );
}

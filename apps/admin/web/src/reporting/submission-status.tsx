import type { SubmissionList } from '../api/endpoints.js';
import { formatTime } from '../ui/labels.js';

export type SubmissionItem = SubmissionList['submissions'][number];

export const STATUS_LABELS: Record<SubmissionItem['status'], string> = {
  pending: '待审核',
  approved: '已采纳',
  returned: '已退回',
};

/** One submission as a card: what it records, for which measure, its status and the comment. */
export function SubmissionCard({
  item,
  children,
}: {
  item: SubmissionItem;
  children?: React.ReactNode;
}) {
  return (
    <li className={`submission submission-${item.status}`}>
      <p className="submission-head">
        <span className={`status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>{' '}
        <span className="hint">
          {item.reporter ?? ''} · {formatTime(item.createdAt)}
        </span>
      </p>
      <p className="submission-measure">{item.measureText ?? item.measureId}</p>
      <p>{item.summary}</p>
      {item.comment === null ? null : (
        <p className="submission-comment">
          退回意见（{item.reviewer ?? ''}）：{item.comment}
        </p>
      )}
      {item.revision === null ? null : <p className="hint">已记入草稿第 {item.revision} 版</p>}
      {children}
    </li>
  );
}

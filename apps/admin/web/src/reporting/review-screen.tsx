import { useCallback, useState } from 'react';
import type { SubmissionList } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useLoad } from '../ui/use-load.js';
import { SubmissionCard } from './submission-status.js';

/** 待审核: the reporters' submissions; approve (a draft revision by the reporter) or return. */
export function ReviewScreen() {
  const { api, announce } = useApp();
  const [items, setItems] = useState<SubmissionList['submissions']>([]);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(0);
  const [comments, setComments] = useState<Record<string, string>>({});
  const load = useCallback(() => api.submissions('pending'), [api]);
  const show = useCallback((list: SubmissionList) => {
    setItems(list.submissions);
    setError(null);
  }, []);
  useLoad(load, show, setError, key);

  const act = async (id: string, action: 'approve' | 'return') => {
    try {
      if (action === 'approve') {
        const { submission } = await api.approveSubmission(id);
        announce(`已采纳，记入草稿第 ${submission.revision ?? ''} 版`);
      } else {
        await api.returnSubmission(id, comments[id] ?? '');
        announce('已退回');
      }
      setError(null);
    } catch (e) {
      setError(e);
    }
    setKey((k) => k + 1);
  };

  return (
    <div className="review-screen">
      <h1>待审核</h1>
      <ErrorMessage error={error} />
      {items.length === 0 ? <p>没有等待审核的报送。</p> : null}
      <ul className="submissions">
        {items.map((item) => (
          <SubmissionCard key={item.id} item={item}>
            <label className="field">
              退回意见
              <textarea
                value={comments[item.id] ?? ''}
                onChange={(e) => setComments((c) => ({ ...c, [item.id]: e.target.value }))}
              />
            </label>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => void act(item.id, 'approve')}
              >
                采纳
              </button>
              <button
                type="button"
                disabled={(comments[item.id] ?? '').trim() === ''}
                onClick={() => void act(item.id, 'return')}
              >
                退回
              </button>
            </div>
          </SubmissionCard>
        ))}
      </ul>
    </div>
  );
}

import { useCallback, useState } from 'react';
import type { MouseEvent } from 'react';
import type { FeedbackList, FeedbackStatus } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { navigate, pathOf } from '../layout/router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { formatTime } from '../ui/labels.js';
import { useLoad } from '../ui/use-load.js';

type Item = FeedbackList['feedback'][number];

const KIND_LABELS: Record<Item['kind'], string> = {
  correction: '纠错',
  'progress-tip': '进展线索',
};

const FILTERS: [FeedbackStatus, string][] = [
  ['open', '待处理'],
  ['answered', '已答复'],
  ['dismissed', '已忽略'],
];

/**
 * 公众反馈 (issue 19 point 5): what citizens sent from the public site's 我要纠错 form. An editor
 * records an answer or dismisses each; closed ones are listed with who and when. Never published.
 */
export function FeedbackScreen() {
  const { api, announce, store } = useApp();
  const [status, setStatus] = useState<FeedbackStatus>('open');
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(0);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const load = useCallback(() => api.feedback(status), [api, status]);
  const show = useCallback((list: FeedbackList) => {
    setItems(list.feedback);
    setError(null);
  }, []);
  useLoad(load, show, setError, key);

  const act = async (id: string, action: 'answer' | 'dismiss') => {
    const text = texts[id] ?? '';
    try {
      if (action === 'answer') {
        await api.answerFeedback(id, text);
        announce('已记录答复');
      } else {
        await api.dismissFeedback(id, text);
        announce('已忽略');
      }
      setError(null);
      setTexts((t) => ({ ...t, [id]: '' }));
    } catch (e) {
      setError(e);
    }
    setKey((k) => k + 1);
  };
  const open = (event: MouseEvent, item: Item) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    store.openNode(item.nodeId);
    navigate('edit');
    document.getElementById('main')?.focus();
  };

  return (
    <div className="feedback-screen">
      <h1>公众反馈</h1>
      <p className="hint">
        市民在公开网站各举措页“我要纠错”中提交的纠错和进展线索。内容只供编辑核实，不会公开。
      </p>
      <fieldset className="feedback-filter">
        <legend>显示</legend>
        {FILTERS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="feedback-status"
              value={value}
              checked={status === value}
              onChange={() => setStatus(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      {items.length === 0 ? (
        <p role="status">{status === 'open' ? '没有待处理的反馈。' : '没有这类反馈。'}</p>
      ) : null}
      <ul className="feedback-items">
        {items.map((item) => (
          <li key={item.id} className={`feedback-item feedback-${item.status}`}>
            <p className="feedback-head">
              <span className="status">{KIND_LABELS[item.kind]}</span>{' '}
              <span className="hint">
                {formatTime(item.createdAt)} · 第 {item.editionNumber} 版
              </span>
            </p>
            <p className="feedback-measure">
              {item.measureInDraft ? (
                <a href={pathOf('edit')} onClick={(e) => open(e, item)}>
                  {item.measureWords}
                </a>
              ) : (
                <>{item.measureWords}（草稿中已没有这项举措）</>
              )}
            </p>
            <blockquote className="feedback-text">{item.text}</blockquote>
            {item.contact === null ? null : <p className="hint">联系方式：{item.contact}</p>}
            {item.status === 'open' ? (
              <>
                <label className="field">
                  答复或忽略理由
                  <textarea
                    maxLength={2000}
                    value={texts[item.id] ?? ''}
                    onChange={(e) => setTexts((t) => ({ ...t, [item.id]: e.target.value }))}
                  />
                </label>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={(texts[item.id] ?? '').trim() === ''}
                    onClick={() => void act(item.id, 'answer')}
                  >
                    记录答复
                  </button>
                  <button type="button" onClick={() => void act(item.id, 'dismiss')}>
                    忽略
                  </button>
                </div>
              </>
            ) : (
              <p className="feedback-answer">
                {item.status === 'answered' ? '答复' : '已忽略'}（{item.answeredBy ?? ''} ·{' '}
                {item.answeredAt === null ? '' : formatTime(item.answeredAt)}）
                {item.answer === null ? '' : `：${item.answer}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { AuditList } from '../api/endpoints.js';
import type { AuditFilter } from '../api/endpoints.js';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useLoad } from '../ui/use-load.js';
import { Field } from '../ui/field.js';
import { formatTime } from '../ui/labels.js';

type Entry = AuditList['entries'][number];

/** A datetime-local value (Beijing time, as editors think of it) as ISO 8601 with offset. */
export function localToIso(value: string): string | undefined {
  return value === '' ? undefined : `${value}:00+08:00`;
}

/** Who did what when, filtered by person, action and time; pages with a cursor. */
export function AuditScreen() {
  const { api } = useApp();
  const [filter, setFilter] = useState({ actor: '', action: '', since: '', until: '' });
  const [applied, setApplied] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const fetchPage = useCallback((query: AuditFilter) => api.audit({ ...query, limit: 50 }), [api]);
  const show = useCallback((page: Awaited<ReturnType<typeof fetchPage>>, append = false) => {
    setEntries((old) => (append ? [...old, ...page.entries] : page.entries));
    setCursor(page.nextCursor);
    setError(null);
  }, []);
  // The first page for each filter.
  const loadFirst = useCallback(() => fetchPage(applied), [fetchPage, applied]);
  useLoad(loadFirst, show, setError);
  const loadMore = async (more: string) => {
    try {
      show(await fetchPage({ ...applied, cursor: more }), true);
    } catch (e) {
      setError(e);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditFilter = {};
    if (filter.actor.trim() !== '') next.actor = filter.actor.trim();
    if (filter.action.trim() !== '') next.action = filter.action.trim();
    const since = localToIso(filter.since);
    const until = localToIso(filter.until);
    if (since !== undefined) next.since = since;
    if (until !== undefined) next.until = until;
    setApplied(next);
  };

  const set = (key: keyof typeof filter) => (value: string) =>
    setFilter((old) => ({ ...old, [key]: value }));
  return (
    <div className="audit-screen">
      <h1>审计日志</h1>
      <form className="filters" onSubmit={submit} aria-label="筛选审计日志">
        <Field label="操作人（邮箱或编号）">
          {(c) => (
            <input {...c} value={filter.actor} onChange={(e) => set('actor')(e.target.value)} />
          )}
        </Field>
        <Field label="操作（如 draft.edit、login）">
          {(c) => (
            <input {...c} value={filter.action} onChange={(e) => set('action')(e.target.value)} />
          )}
        </Field>
        <Field label="起始时间（北京时间）">
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={filter.since}
              onChange={(e) => set('since')(e.target.value)}
            />
          )}
        </Field>
        <Field label="结束时间（北京时间）">
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={filter.until}
              onChange={(e) => set('until')(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          筛选
        </button>
      </form>
      <ErrorMessage error={error} />
      <table className="cards">
        <caption>审计记录（已显示 {entries.length} 条）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">地址</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td data-label="时间">{formatTime(entry.at)}</td>
              <td data-label="操作人">{entry.actor ?? '—'}</td>
              <td data-label="操作">
                <code>{entry.action}</code>
              </td>
              <td data-label="对象">{entry.target ?? '—'}</td>
              <td data-label="地址">{entry.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor === null ? null : (
        <button type="button" onClick={() => void loadMore(cursor)}>
          加载更多
        </button>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Report } from '@leshan/report-core';
import { chapterHeading, displayTitle, quoteStart } from '@leshan/report-core/labels';
import { Field } from '../ui/field.js';
import type { HistoryFilter } from './history-endpoints.js';

interface HistoryFiltersProps {
  report: Report | null;
  /** Everyone seen in the history so far, by user id. */
  authors: ReadonlyMap<string, string>;
  /** The newest day that can be chosen, YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  onApply: (filter: HistoryFilter) => void;
}

const wide = (): boolean =>
  typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 801px)').matches;

const EMPTY = { author: '', node: '', from: '', to: '' };

/** Every chapter, section and measure as editors name them, indented by level. */
function nodeOptions(report: Report): { id: string; label: string }[] {
  return report.chapters.flatMap((chapter) => [
    { id: chapter.id, label: chapterHeading(chapter, report) },
    ...chapter.sections.flatMap((section) => [
      { id: section.id, label: `\u3000${displayTitle(section.title, report, section.id)}` },
      ...section.measures.map((m) => ({
        id: m.id,
        label: `\u3000\u3000${quoteStart(m.text, 20)}`,
      })),
    ]),
  ]);
}

/** Filters of the history: by person, by chapter, section or measure, and between two days. */
export function HistoryFilters({ report, authors, today, onApply }: HistoryFiltersProps) {
  const [form, setForm] = useState(EMPTY);
  const nodes = report === null ? [] : nodeOptions(report);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filter: HistoryFilter = {};
    for (const key of ['author', 'node', 'from', 'to'] as const) {
      if (form[key] !== '') filter[key] = form[key];
    }
    onApply(filter);
  };
  const clear = () => {
    setForm(EMPTY);
    onApply({});
  };
  return (
    // Folded on a phone, where the form would push the history a screen down.
    <details className="panel filter-box" open={wide()}>
      <summary>筛选：修改人、内容、日期</summary>
      <form className="filters" onSubmit={submit} aria-label="筛选修订">
        <Field label="修改人">
          {(c) => (
            <select {...c} value={form.author} onChange={(e) => set('author')(e.target.value)}>
              <option value="">所有人</option>
              {[...authors].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="修改的内容">
          {(c) => (
            <select {...c} value={form.node} onChange={(e) => set('node')(e.target.value)}>
              <option value="">整个报告</option>
              {nodes.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="起始日期（北京时间）">
          {(c) => (
            <input
              {...c}
              type="date"
              max={form.to === '' ? today : form.to}
              value={form.from}
              onChange={(e) => set('from')(e.target.value)}
            />
          )}
        </Field>
        <Field label="结束日期（北京时间）">
          {(c) => (
            <input
              {...c}
              type="date"
              max={today}
              min={form.from === '' ? undefined : form.from}
              value={form.to}
              onChange={(e) => set('to')(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            筛选
          </button>
          <button type="button" onClick={clear}>
            清除筛选
          </button>
        </div>
      </form>
    </details>
  );
}

import { useEffect, useState } from 'react';
import type { ReportDiff } from '@leshan/report-core';
import { useApp } from '../layout/app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { DiffView } from './diff-view.js';
import type { Comparison } from './history-endpoints.js';
import { RestoreNodeDialog } from './restore-node-dialog.js';

/** The nodes a diff changed, once each, in the order the diff lists them. */
export function changedNodeIds(diff: ReportDiff): string[] {
  return [
    ...new Set([
      ...diff.edited.map((e) => e.id),
      ...diff.tracking.map((t) => t.measureId),
      ...diff.added.map((a) => a.id),
      ...diff.removed.map((r) => r.id),
      ...diff.moved.map((m) => m.id),
    ]),
  ];
}

interface ComparePaneProps {
  from: number;
  to: number;
}

/**
 * What changed from revision `from` to `to` (any two), in editors' words, and for each node it
 * changed an offer to bring that one node back as it was in `from`.
 */
export function ComparePane({ from, to }: ComparePaneProps) {
  const { api, session } = useApp();
  // The answer for the pair it was asked for; shown only while that pair is the one asked for.
  const [answer, setAnswer] = useState<{
    from: number;
    to: number;
    value: Comparison | Error;
  } | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const current = answer !== null && answer.from === from && answer.to === to ? answer.value : null;
  const comparison = current instanceof Error ? null : current;
  const error = current instanceof Error ? current : null;

  useEffect(() => {
    let live = true;
    api.compare(from, to).then(
      (value) => live && setAnswer({ from, to, value }),
      (e: unknown) =>
        live && setAnswer({ from, to, value: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [api, from, to]);

  if (error !== null) return <ErrorMessage error={error} />;
  if (comparison === null) return <p role="status">正在比较…</p>;
  const label = (id: string) => comparison.labels[id] ?? '此处';
  const nodes = changedNodeIds(comparison.diff);
  return (
    <>
      <p className="summary">{comparison.summary.message.zh}</p>
      <DiffView diff={comparison.diff} labels={comparison.labels} />
      {session.permissions.edit && nodes.length > 0 ? (
        <section aria-labelledby="restore-node-heading" className="restore-nodes">
          <h3 id="restore-node-heading">只恢复一处</h3>
          <p className="hint">
            把其中一处恢复为第 {from} 版时的样子，其他内容不变；恢复前会列出将被撤销的他人修改。
          </p>
          <ul>
            {nodes.map((id) => (
              <li key={id}>
                <span>{label(id)}</span>
                <button
                  type="button"
                  aria-label={`恢复为第 ${from} 版：${label(id)}`}
                  onClick={() => setRestoring(id)}
                >
                  恢复为第 {from} 版
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {restoring === null ? null : (
        <RestoreNodeDialog
          revision={from}
          nodeId={restoring}
          label={label(restoring)}
          onClose={() => setRestoring(null)}
        />
      )}
    </>
  );
}

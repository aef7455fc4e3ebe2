import { diffText, TrackingSchema } from '@leshan/report-core';
import { fieldLabel, kindLabel, trackingStatusLabel } from '@leshan/report-core/labels';
import { TextDiff } from '../history/text-diff.js';
import { Dialog } from '../ui/dialog.js';
import type { Conflict, ConflictSide } from './conflict.js';

interface ConflictDialogProps {
  conflict: Conflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

// The fields a conflict shows, in this order of importance; their names are report-core's.
const SHOWN_FIELDS = new Set([
  'text',
  'title',
  'places',
  'indicators',
  'tracking',
  'reasoning',
  'status',
  'metric',
  'value',
]);

/** Any field value as one line of text. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0
      ? '（无）'
      : value
          .map((v: unknown) =>
            typeof v === 'object' && v !== null && 'raw' in v ? plain(v.raw) : plain(v),
          )
          .join('、');
  return JSON.stringify(value);
}

/** A node's fields as lines people can compare; tracking is spelled out. */
function describe(node: unknown): [string, string][] {
  if (node === null || typeof node !== 'object') return [['', '（已被删除）']];
  return Object.entries(node as Record<string, unknown>)
    .filter(([key]) => SHOWN_FIELDS.has(key))
    .map(([key, value]) => {
      const label = fieldLabel(key, 'zh');
      const t = key === 'tracking' ? TrackingSchema.safeParse(value) : null;
      if (t?.success === true) {
        const status = trackingStatusLabel(t.data.status).zh;
        return [
          label,
          `${status}，进度 ${t.data.progress ?? '—'}%，进展记录 ${t.data.updates.length} 条`,
        ];
      }
      return [label, plain(value)];
    });
}

function Side({ title, node }: { title: string; node: unknown }) {
  return (
    <section className="conflict-side" aria-label={title}>
      <h4>{title}</h4>
      <dl>
        {describe(node).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The wording of a node's text or title, when it has one. */
function wording(node: unknown): string | null {
  if (node === null || typeof node !== 'object') return null;
  const value = 'text' in node ? node.text : 'title' in node ? node.title : null;
  return typeof value === 'string' ? value : null;
}

function Node({ side }: { side: ConflictSide }) {
  const theirs = wording(side.theirs);
  const mine = wording(side.mine);
  return (
    <div className="conflict-node">
      <h3>
        {side.kind === null ? '' : kindLabel(side.kind, 'zh')} {side.id}
        {side.changedBy.length > 0 ? `（由 ${side.changedBy.join('、')} 修改）` : ''}
      </h3>
      <div className="side-by-side">
        <Side title="我的版本" node={side.mine} />
        <Side title="对方的版本" node={side.theirs} />
      </div>
      {theirs === null || mine === null || theirs === mine ? null : (
        <p className="conflict-diff">
          文字差异（删除线为对方版本独有，下划线为我的版本独有）：
          <br />
          <TextDiff ops={diffText(theirs, mine)} />
        </p>
      )}
    </div>
  );
}

/** Both versions of each node both editors changed, side by side; the editor chooses. */
export function ConflictDialog({ conflict, onKeepMine, onTakeTheirs }: ConflictDialogProps) {
  return (
    <Dialog title="编辑冲突" onClose={() => undefined} wide>
      <p>
        在您修改的同时，其他编辑修改了相同的内容（草稿已到第 {conflict.theirs.revision} 版
        {conflict.theirs.updatedBy === null ? '' : `，最近由 ${conflict.theirs.updatedBy} 保存`}
        ）。请比较后选择保留哪个版本。
      </p>
      {conflict.nodes.length === 0 ? (
        <p>冲突涉及的内容已无法逐项对比。</p>
      ) : (
        conflict.nodes.map((side) => <Node key={side.id} side={side} />)
      )}
      {conflict.error === null ? null : (
        <p className="error-banner" role="alert">
          {conflict.error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onTakeTheirs}>
          采用对方的版本（放弃我的 {conflict.mine.length} 项修改）
        </button>
        <button type="button" className="primary" onClick={onKeepMine}>
          保留我的版本
        </button>
      </div>
    </Dialog>
  );
}

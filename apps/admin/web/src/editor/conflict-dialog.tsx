import { useState } from 'react';
import { diffText, ResponsibilitySchema, TrackingSchema } from '@leshan/report-core';
import { fieldLabel, trackingStatusLabel } from '@leshan/report-core/labels';
import { TextDiff } from '../history/text-diff.js';
import { Dialog } from '../ui/dialog.js';
import type { Conflict, ConflictChoice, ConflictNode } from './conflict.js';

interface ConflictDialogProps {
  conflict: Conflict;
  onResolve: (choices: Record<string, ConflictChoice>) => void;
}

// The fields a conflict shows, in this order of importance; their names are report-core's.
const SHOWN_FIELDS = [
  'title',
  'text',
  'places',
  'indicators',
  'tracking',
  'responsibility',
  'reasoning',
  'status',
  'metric',
  'value',
];
// A conflicting field of contract B that stands for several properties of the node.
const FIELD_PROPERTIES: Record<string, string[]> = {
  value: ['metric', 'value'],
  body: ['reasoning', 'status'],
};

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
  if (typeof value === 'object' && 'raw' in value) return plain(value.raw);
  return '（复杂内容）';
}

/** The properties to compare: the conflicting fields when the server named them, else the main ones. */
function shownProperties(node: ConflictNode): string[] {
  const named = node.fields.flatMap((f) => FIELD_PROPERTIES[f] ?? [f]);
  const known = named.filter((f) => SHOWN_FIELDS.includes(f));
  return known.length > 0 ? known : SHOWN_FIELDS;
}

/** Who answers for a measure and by when, in one line (names: places and departments by id). */
function responsibilityLine(value: unknown, names: ReadonlyMap<string, string>): string | null {
  if (value === undefined) return '（未指定）';
  const r = ResponsibilitySchema.safeParse(value);
  if (!r.success) return null;
  const name = (id: string) => names.get(id) ?? '（未知单位）';
  return [
    `牵头 ${r.data.lead === null ? '未指定' : name(r.data.lead)}`,
    `责任 ${r.data.co.length === 0 ? '无' : r.data.co.map(name).join('、')}`,
    `完成时限 ${r.data.deadline ?? '未定'}`,
    `年度节点 ${r.data.milestones.length} 个`,
  ].join('；');
}

/** A node's fields as lines people can compare; tracking and responsibility are spelled out. */
function describe(
  node: unknown,
  properties: readonly string[],
  places: ReadonlyMap<string, string>,
): [string, string][] {
  if (node === null || typeof node !== 'object') return [['', '（已被删除）']];
  const record = node as Record<string, unknown>;
  return (
    properties
      // A measure without a responsibility shows it as 未指定 (absent is none).
      .filter((key) => key in record || (key === 'responsibility' && 'indicators' in record))
      .map((key) => {
        const value = record[key];
        const label = fieldLabel(key, 'zh');
        if (key === 'places' && Array.isArray(value))
          return [
            label,
            value.length === 0
              ? '（无）'
              : value.map((id: unknown) => places.get(String(id)) ?? '（未知地点）').join('、'),
          ];
        const r = key === 'responsibility' ? responsibilityLine(value, places) : null;
        if (r !== null) return [label, r];
        const t = key === 'tracking' ? TrackingSchema.safeParse(value) : null;
        if (t?.success === true) {
          const status = trackingStatusLabel(t.data.status).zh;
          return [
            label,
            `${status}，进度 ${t.data.progress ?? '—'}%，进展记录 ${t.data.updates.length} 条`,
          ];
        }
        return [label, plain(value)];
      })
  );
}

function Side({ title, lines }: { title: string; lines: [string, string][] }) {
  return (
    <section className="conflict-side" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {lines.map(([label, value]) => (
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

const CHOICES: Record<'edited' | 'deleted', Record<ConflictChoice, string>> = {
  edited: { mine: '保留我的版本', theirs: '采用对方的版本' },
  deleted: { mine: '恢复此项（保留我的文字）', theirs: '放弃我的修改' },
};

function NodeConflict({
  node,
  choice,
  onChoose,
  places,
}: {
  node: ConflictNode;
  choice: ConflictChoice;
  onChoose: (choice: ConflictChoice) => void;
  places: ReadonlyMap<string, string>;
}) {
  const properties = shownProperties(node);
  const theirs = wording(node.theirs);
  const mine = wording(node.mine);
  const by = node.changedBy.length > 0 ? node.changedBy.join('、') : '其他编辑';
  const words = CHOICES[node.deleted ? 'deleted' : 'edited'];
  return (
    <fieldset className="conflict-node">
      <legend>
        {node.label}
        <span className="hint">
          {node.deleted ? `（${by} 已删除此项）` : `（${by} 同时修改了此项）`}
        </span>
      </legend>
      <div className="side-by-side">
        <Side title="我的版本" lines={describe(node.mine, properties, places)} />
        <Side
          title="对方的版本"
          lines={node.deleted ? [['', '（已被删除）']] : describe(node.theirs, properties, places)}
        />
      </div>
      {node.deleted || theirs === null || mine === null || theirs === mine ? null : (
        <p className="conflict-diff">
          文字差异（删除线为对方版本独有，下划线为我的版本独有）：
          <br />
          <TextDiff ops={diffText(theirs, mine)} />
        </p>
      )}
      <div className="choices" role="radiogroup" aria-label={`如何处理：${node.label}`}>
        {(['mine', 'theirs'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`conflict-${node.id}`}
              checked={choice === value}
              onChange={() => onChoose(value)}
            />
            {words[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Each node both sides changed, named as editors name it, with my unsent version beside the
 * current one; the editor chooses node by node. Whatever is chosen, my changes that did not
 * conflict are kept and sent.
 */
export function ConflictDialog({ conflict, onResolve }: ConflictDialogProps) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>(() =>
    Object.fromEntries(conflict.nodes.map((n) => [n.id, 'mine' as const])),
  );
  const kept = conflict.mine.length - conflict.conflicting.length;
  // Names by id: the places a measure names and the departments answering for it.
  const places = new Map(
    [
      ...conflict.myReport.places,
      ...conflict.theirs.report.places,
      ...(conflict.myReport.departments ?? []),
      ...(conflict.theirs.report.departments ?? []),
    ].map((p) => [p.id, p.name]),
  );
  const all = (choice: ConflictChoice) =>
    Object.fromEntries(conflict.nodes.map((n) => [n.id, choice]));
  return (
    <Dialog title="编辑冲突" onClose={() => undefined} wide>
      <p>
        在您修改的同时，其他编辑修改了相同的内容（草稿已到第 {conflict.theirs.revision} 版
        {conflict.theirs.updatedBy === null ? '' : `，最近由 ${conflict.theirs.updatedBy} 保存`}
        ）。请逐项选择保留哪个版本。
        {kept > 0 ? `您另外 ${kept} 项没有冲突的修改会照常保存。` : ''}
      </p>
      {conflict.nodes.length === 0 ? (
        <p>冲突涉及的内容已无法逐项对比。</p>
      ) : (
        conflict.nodes.map((node) => (
          <NodeConflict
            key={node.id}
            node={node}
            choice={choices[node.id] ?? 'mine'}
            onChoose={(choice) => setChoices((old) => ({ ...old, [node.id]: choice }))}
            places={places}
          />
        ))
      )}
      {conflict.error === null ? null : (
        <p className="error-banner" role="alert">
          {conflict.error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => onResolve(all('theirs'))}>
          全部采用对方的版本（只放弃 {conflict.conflicting.length} 项冲突的修改）
        </button>
        <button type="button" className="primary" onClick={() => onResolve(choices)}>
          按所选处理
        </button>
      </div>
    </Dialog>
  );
}

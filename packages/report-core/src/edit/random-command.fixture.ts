import fc from 'fast-check';
import type { ReadonlyReport } from '../model/readonly.js';
import { TrackingStatusSchema } from '../model/tracking.js';
import { currentTracking, latestStatusUpdate } from '../model/tracking-rules.js';
import type { Command } from './command-schema.js';
import { namedDepartments } from './follow-up-ops.js';
import { freshMeasure, freshSection, lists, pick } from './random-nodes.fixture.js';

const observations = (r: ReadonlyReport) =>
  lists(r).indicators.flatMap((i) => i.i.observations ?? []);

/** A fresh observation of step `n`: ids and dates valid by construction. */
function freshObservation(x: Choice, n: number) {
  return {
    id: `obs-x${n}`,
    date: `202${1 + (x.b % 5)}-12-31`,
    value: x.c % 500,
    ...(x.c % 3 === 0 ? { basis: 'annual' as const } : {}),
    source: {
      title: `统计公报${n}`,
      ...(x.b % 2 === 0 ? { url: `https://example.gov.cn/gb/${n}` } : {}),
    },
    ...(x.a % 2 === 0 ? { note: `第${n}次记录。` } : {}),
  };
}

/** Random numbers from fast-check that pick one command and its targets. */
export interface Choice {
  op: number;
  a: number;
  b: number;
  c: number;
}

type Builder = (r: ReadonlyReport, x: Choice, n: number) => Command | undefined;

// Each builder makes a command that is valid for `r` by construction: fresh ids and texts carry
// the step number `n`, texts keep every indicator substring, positions stay in range.
const BUILDERS: readonly Builder[] = [
  (r, x, n) => ({
    type: 'chapter.add',
    index: x.a % (r.chapters.length + 1),
    chapter: {
      id: `cx-${n}`,
      number: 1,
      title: x.b % 2 === 0 ? null : `新章${n}`,
      sections: x.c % 2 === 0 ? [] : [freshSection(n)],
    },
  }),
  (r, x, n) => {
    const c = pick(r.chapters, x.a);
    return (
      c && {
        type: 'chapter.update',
        id: c.id,
        patch: { title: x.b % 3 === 0 ? null : `章标题${n}` },
      }
    );
  },
  (r, x) => {
    const c = pick(r.chapters, x.a);
    return c && r.chapters.length > 1 ? { type: 'chapter.remove', id: c.id } : undefined;
  },
  (r, x) => {
    const c = pick(r.chapters, x.a);
    return c && { type: 'chapter.move', id: c.id, toIndex: x.b % r.chapters.length };
  },
  (r, x, n) => {
    const c = pick(r.chapters, x.a);
    return (
      c && {
        type: 'section.add',
        chapterId: c.id,
        section: freshSection(n),
        index: x.b % (c.sections.length + 1),
      }
    );
  },
  (r, x, n) => {
    const s = pick(lists(r).sections, x.a);
    return (
      s && {
        type: 'section.update',
        id: s.s.id,
        patch: { title: x.b % 3 === 0 ? null : `节标题${n}` },
      }
    );
  },
  (r, x) => {
    const s = pick(lists(r).sections, x.a);
    return s && { type: 'section.remove', id: s.s.id };
  },
  (r, x) => {
    const s = pick(lists(r).sections, x.a);
    const to = pick(r.chapters, x.b);
    if (!s || !to) return undefined;
    const room = to.sections.length + (to.id === s.parent ? 0 : 1);
    return { type: 'section.move', id: s.s.id, toChapterId: to.id, toIndex: x.c % room };
  },
  (r, x, n) => {
    const s = pick(lists(r).sections, x.a);
    return (
      s && {
        type: 'measure.add',
        sectionId: s.s.id,
        measure: freshMeasure(r, n, x.b),
        index: x.c % (s.s.measures.length + 1),
      }
    );
  },
  (r, x, n) => {
    const m = pick(lists(r).measures, x.a);
    const place = pick(r.places, x.c);
    if (!m) return undefined;
    const places = x.b % 2 === 0 || !place ? [] : [place.id];
    return {
      type: 'measure.update',
      id: m.m.id,
      patch: x.b % 3 === 0 ? { places } : { text: `${m.m.text}（修订${n}）` },
    };
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a);
    return m && { type: 'measure.remove', id: m.m.id };
  },
  (r, x) => {
    const { measures, sections } = lists(r);
    const m = pick(measures, x.a);
    const to = pick(sections, x.b);
    if (!m || !to) return undefined;
    const room = to.s.measures.length + (to.s.id === m.parent ? 0 : 1);
    return { type: 'measure.move', id: m.m.id, toSectionId: to.s.id, toIndex: x.c % room };
  },
  (r, x, n) => {
    const m = pick(lists(r).measures, x.a);
    if (!m) return undefined;
    const raw = Array.from(m.m.text)
      .slice(x.b % 3, (x.b % 3) + 2)
      .join('');
    const indicator = {
      id: `ix-${n}`,
      metric: '随机指标',
      value: x.c,
      unit: Array.from(raw).at(-1) ?? '个',
      comparator: 'gte' as const,
      raw,
      aspirational: x.c % 2 === 0,
    };
    return {
      type: 'indicator.add',
      measureId: m.m.id,
      indicator,
      index: x.c % (m.m.indicators.length + 1),
    };
  },
  (r, x) => {
    const i = pick(lists(r).indicators, x.a);
    if (!i) return undefined;
    const baseline = x.b % 2 === 0 ? null : { year: 2020, raw: '较2020年' };
    return {
      type: 'indicator.update',
      id: i.i.id,
      patch: { value: x.c, baseline, aspirational: x.b % 3 === 0 },
    };
  },
  (r, x) => {
    const i = pick(lists(r).indicators, x.a);
    return i && { type: 'indicator.remove', id: i.i.id };
  },
  (r, x) => {
    const i = pick(lists(r).indicators, x.a);
    return i && { type: 'indicator.move', id: i.i.id, toIndex: x.b % i.parent.indicators.length };
  },
  (r, x) => {
    const m = pick(lists(r).measures, x.a);
    if (!m) return undefined;
    // A measure whose updates report a status takes its state from them: only a no-op is valid.
    if (latestStatusUpdate(m.m.tracking.updates) !== undefined)
      return { type: 'tracking.set', measureId: m.m.id, ...currentTracking(m.m) };
    const status = x.b % 7 === 6 ? null : pick(TrackingStatusSchema.options, x.b);
    if (status === null || status === undefined)
      return { type: 'tracking.set', measureId: m.m.id, status: null, progress: null };
    const progress = status === 'completed' ? 100 : x.c % 100;
    // Leaving the progress as it is must agree with the status (issue 13 rule: 100 % is completed
    // and completed is 100 %): kept only beside another status, and only below 100.
    const keep = x.c % 4 === 0 && status !== 'completed' && m.m.tracking.progress !== 100;
    return {
      type: 'tracking.set',
      measureId: m.m.id,
      status,
      ...(keep ? {} : { progress }),
    };
  },
  (r, x, n) => {
    const m = pick(lists(r).measures, x.a);
    const update = {
      id: `ux-${n}`,
      date: `2024-0${1 + (x.b % 9)}-1${x.c % 10}`,
      note: `第${n}次进展。`,
      ...(x.c % 2 === 0 ? { progress: x.c % 100, status: 'in-progress' as const } : {}),
      ...(x.c % 6 === 1 ? { status: 'completed' as const, progress: 100 } : {}),
    };
    return (
      m && {
        type: 'progress.add',
        measureId: m.m.id,
        update,
        index: x.b % (m.m.tracking.updates.length + 1),
      }
    );
  },
  (r, x) => {
    const u = pick(lists(r).updates, x.a);
    return u && { type: 'progress.remove', id: u.id };
  },
  (r, x, n) => {
    const { measures, indicators } = lists(r);
    const nodeIds = [
      pick(measures, x.b)?.m.id,
      pick(indicators, x.c)?.i.id,
      pick(r.chapters, x.a)?.id,
    ].filter((id): id is string => id !== undefined);
    const note = {
      id: `note-x${n}`,
      kind: 'ambiguous' as const,
      status: 'open' as const,
      ...(x.c % 2 === 0 ? { visibility: 'internal' as const } : {}),
      nodeIds,
      sourceLines: [1],
      reasoning: `随机说明${n}。`,
    };
    return { type: 'note.add', note, index: x.a % (r.notes.length + 1) };
  },
  (r, x) => {
    const note = pick(r.notes, x.a);
    const extra = pick(lists(r).measures, x.b)?.m.id;
    if (!note) return undefined;
    if (x.c % 4 === 3)
      return {
        type: 'note.update',
        id: note.id,
        patch: { visibility: note.visibility === undefined ? 'internal' : null },
      };
    if (x.c % 3 === 0)
      return {
        type: 'note.update',
        id: note.id,
        patch: { status: note.status === 'open' ? 'resolved' : 'open' },
      };
    if (x.c % 3 === 1 && extra)
      return { type: 'note.update', id: note.id, patch: { nodeIds: [...note.nodeIds, extra] } };
    return {
      type: 'note.update',
      id: note.id,
      patch: { originalText: note.originalText === undefined ? '原文如此。' : null },
    };
  },
  (r, x) => {
    const note = pick(r.notes, x.a);
    return note && { type: 'note.remove', id: note.id };
  },
  (r, x, n) => {
    const g = pick(r.goals, x.a);
    return g && { type: 'goal.update', id: g.id, patch: { target: `目标${n}` } };
  },
  (_r, _x, n) => ({ type: 'ideology.update', patch: { text: `指导思想第${n}版。` } }),
  (r, x, n) => {
    const i = pick(lists(r).indicators, x.a);
    return (
      i && {
        type: 'observation.add',
        indicatorId: i.i.id,
        observation: freshObservation(x, n),
        index: x.b % ((i.i.observations?.length ?? 0) + 1),
      }
    );
  },
  (r, x, n) => {
    const o = pick(observations(r), x.a);
    if (!o) return undefined;
    const patches = [
      { value: x.c },
      { date: `2025-0${1 + (x.c % 9)}-01`, source: { title: `通报${n}` } },
      {
        note: o.note === undefined ? `改${n}` : null,
        basis: o.basis === undefined ? 'annual' : null,
      },
    ] as const;
    return { type: 'observation.update', id: o.id, patch: patches[x.b % 3] ?? {} };
  },
  (r, x) => {
    const o = pick(observations(r), x.a);
    return o && { type: 'observation.remove', id: o.id };
  },
  (r, x, n) => {
    const i = pick(
      lists(r).indicators.filter((f) => f.i.baseline !== undefined),
      x.a,
    );
    if (!i) return undefined;
    const observation = x.b % 3 === 0 ? null : { ...freshObservation(x, n), id: `obs-b${n}` };
    return { type: 'baseline.set', indicatorId: i.i.id, observation };
  },
  (r, x, n) => ({
    type: 'department.add',
    department: { id: `dept-x${n}`, name: `第${n}局` },
    index: x.a % ((r.departments?.length ?? 0) + 1),
  }),
  (r, x, n) => {
    const d = pick(r.departments ?? [], x.a);
    return (
      d && {
        type: 'department.update',
        id: d.id,
        patch: { name: `${d.name.split('·')[0] ?? d.name}·${n}` },
      }
    );
  },
  (r, x) => {
    const named = new Set(lists(r).measures.flatMap((m) => namedDepartments(m.m.responsibility)));
    const d = pick(
      (r.departments ?? []).filter((f) => !named.has(f.id)),
      x.a,
    );
    return d && { type: 'department.remove', id: d.id };
  },
  (r, x, n) => {
    const m = pick(lists(r).measures, x.a);
    if (!m) return undefined;
    if (x.b % 4 === 0)
      return { type: 'responsibility.set', measureId: m.m.id, responsibility: null };
    const departments = r.departments ?? [];
    const lead = pick(departments, x.b);
    const co = departments.filter((d, k) => d.id !== lead?.id && (x.c >> k) % 2 === 1);
    return {
      type: 'responsibility.set',
      measureId: m.m.id,
      responsibility: {
        lead: lead?.id ?? null,
        co: co.map((d) => d.id),
        deadline: x.c % 3 === 0 ? null : `202${2 + (x.c % 5)}-12-31`,
        milestones:
          x.c % 2 === 0
            ? []
            : [
                {
                  id: `ms-x${n}`,
                  year: 2022 + (x.a % 5),
                  text: `第${n}个节点`,
                  done: x.b % 2 === 0,
                },
              ],
      },
    };
  },
  (r, x, n) => ({
    type: 'meta.update',
    patch:
      x.b % 2 === 0
        ? { subtitle: r.meta.subtitle === undefined ? `副标题${n}` : null }
        : { period: { start: 2022, end: 2026 + (x.c % 3) } },
  }),
];

/** A command valid for `r`; when the chosen kind has no target (say, no indicators left), a chapter.add. */
export function randomCommand(r: ReadonlyReport, x: Choice, n: number): Command {
  const builder = BUILDERS[x.op % BUILDERS.length];
  return builder?.(r, x, n) ?? (BUILDERS[0]?.(r, x, n) as Command);
}

export const BUILDER_COUNT = BUILDERS.length;

/** The fast-check arbitrary of one {@link Choice}. */
export const choiceArbitrary = fc.record({
  op: fc.nat(BUILDER_COUNT * 7),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

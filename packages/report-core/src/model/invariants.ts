import type { z } from 'zod';
import type { Message } from './message.js';
import { formatMessage } from './message.js';
import { sameIdsInOrder } from './same-ids.js';

// Structural type so this module does not import report.ts (which imports it).
interface ReportLike {
  meta: { source: { lineCount: number }; provenance?: { lines: number[] } | undefined };
  goals: readonly { id: string; provenance?: { lines: number[] } | undefined }[];
  ideology: { id: string; provenance?: { lines: number[] } | undefined };
  places: readonly { id: string }[];
  departments?: readonly { id: string; name: string }[] | undefined;
  notes: readonly { id: string; nodeIds: string[]; sourceLines: number[] }[];
  chapters: readonly {
    id: string;
    number: number;
    provenance?: { lines: number[] } | undefined;
    sections: readonly {
      id: string;
      provenance?: { lines: number[] } | undefined;
      measures: readonly {
        id: string;
        text: string;
        places: string[];
        provenance?: { lines: number[] } | undefined;
        indicators: readonly {
          id: string;
          raw: string;
          value: number;
          upper?: number | undefined;
          observations?: readonly { id: string }[] | undefined;
          baseline?: { observation?: { id: string } | undefined } | undefined;
        }[];
        tracking: { updates: readonly { id: string }[] };
        responsibility?:
          | {
              lead: string | null;
              co: readonly string[];
              milestones: readonly { id: string }[];
            }
          | undefined;
      }[];
    }[];
  }[];
}

type Path = (string | number)[];

/**
 * A path as a chain of steps, one small object each, made into an array only for an issue: a
 * report has hundreds of ids, each claimed with its path, and this runs on every save (issue 13).
 */
interface Step {
  readonly up: Step | null;
  readonly key: string | number;
}
type At = Step | Path;

/** The steps `keys` below `up` (two to four keys: no array is made for them). */
function at(
  up: Step | null,
  a: string | number,
  b?: string | number,
  c?: string | number,
  d?: string | number,
): Step {
  let s: Step = { up, key: a };
  if (b !== undefined) s = { up: s, key: b };
  if (c !== undefined) s = { up: s, key: c };
  if (d !== undefined) s = { up: s, key: d };
  return s;
}

function pathOf(at: At): Path {
  if (Array.isArray(at)) return at;
  const keys: Path = [];
  for (let s: Step | null = at; s !== null; s = s.up) keys.push(s.key);
  return keys.reverse();
}

/** The invariants a report must keep beyond the shape of each field. */
export function checkReportInvariants(report: ReportLike, ctx: z.RefinementCtx): void {
  const add = (at: At, message: Message): void => {
    const path = pathOf(at);
    ctx.addIssue({ code: 'custom', path, message: formatMessage(message), params: { message } });
  };

  const seen = new Map<string, Step>();
  const claim = (id: string, at: Step): void => {
    const firstPath = seen.get(id);
    if (firstPath === undefined) {
      seen.set(id, at);
      return;
    }
    const first = pathOf(firstPath).join('.');
    add([...pathOf(at), 'id'], {
      zh: `编号“${id}”重复，已用于 ${first}`,
      en: `duplicate id "${id}", already used at ${first}`,
    });
  };

  const lineCount = report.meta.source.lineCount;
  const checkLines = (
    lines: readonly number[] | undefined,
    owner: Step,
    field: 'provenance' | 'sourceLines',
  ): void => checkSourceLines(lines, owner, field, lineCount, add);

  checkLines(report.meta.provenance?.lines, at(null, 'meta'), 'provenance');
  report.goals.forEach((goal, i) => {
    const gPath = at(null, 'goals', i);
    claim(goal.id, gPath);
    checkLines(goal.provenance?.lines, gPath, 'provenance');
  });
  const iPath = at(null, 'ideology');
  claim(report.ideology.id, iPath);
  checkLines(report.ideology.provenance?.lines, iPath, 'provenance');
  report.places.forEach((place, i) => claim(place.id, at(null, 'places', i)));
  const placeIds = new Set(report.places.map((p) => p.id));
  const departmentIds = checkDepartments(report.departments ?? [], claim, add);

  const textOwner = new Map<string, Step>();
  report.chapters.forEach((chapter, c) => {
    const cPath = at(null, 'chapters', c);
    claim(chapter.id, cPath);
    checkLines(chapter.provenance?.lines, cPath, 'provenance');
    if (chapter.number !== c + 1) {
      add(at(cPath, 'number'), {
        zh: `第 ${c + 1} 章的编号应为 ${c + 1}，实为 ${chapter.number}；章节须从 1 起连续编号`,
        en: `chapter ${c + 1} must be numbered ${c + 1}, not ${chapter.number}; chapters are numbered 1..n without gaps`,
      });
    }
    chapter.sections.forEach((section, s) => {
      const sPath = at(cPath, 'sections', s);
      claim(section.id, sPath);
      checkLines(section.provenance?.lines, sPath, 'provenance');
      section.measures.forEach((measure, m) => {
        const mPath = at(sPath, 'measures', m);
        claim(measure.id, mPath);
        const key = measure.text.trim();
        const other = textOwner.get(key);
        if (other !== undefined) {
          const where = pathOf(other).join('.');
          add(at(mPath, 'text'), {
            zh: `举措文字与 ${where} 完全相同；同一举措只能出现一次`,
            en: `measure text is identical to ${where}; a measure may appear only once`,
          });
        } else {
          textOwner.set(key, mPath);
        }
        measure.indicators.forEach((indicator, k) => {
          const kPath = at(mPath, 'indicators', k);
          claim(indicator.id, kPath);
          indicator.observations?.forEach((o, j) => claim(o.id, at(kPath, 'observations', j)));
          if (indicator.baseline?.observation !== undefined) {
            claim(indicator.baseline.observation.id, at(kPath, 'baseline', 'observation'));
          }
        });
        measure.tracking.updates.forEach((update, k) =>
          claim(update.id, at(mPath, 'tracking', 'updates', k)),
        );
        measure.responsibility?.milestones.forEach((milestone, k) =>
          claim(milestone.id, at(mPath, 'responsibility', 'milestones', k)),
        );
        checkMeasureOwnRules(measure, mPath, { lineCount, placeIds, departmentIds }, add);
      });
    });
  });

  report.notes.forEach((note, n) => {
    const nPath = at(null, 'notes', n);
    claim(note.id, nPath);
    checkLines(note.sourceLines, nPath, 'sourceLines');
  });
  report.notes.forEach((note, n) => {
    note.nodeIds.forEach((nodeId, k) => {
      if (!seen.has(nodeId)) {
        add(['notes', n, 'nodeIds', k], {
          zh: `编辑说明指向不存在的节点“${nodeId}”`,
          en: `editorial note refers to missing node "${nodeId}"`,
        });
      }
    });
  });
}

type Claim = (id: string, at: Step) => void;
type Add = (at: At, message: Message) => void;

/** Department names are unique (ids are claimed as node ids); returns the listed ids. */
function checkDepartments(
  departments: readonly { id: string; name: string }[],
  claim: Claim,
  add: Add,
): Set<string> {
  const byName = new Map<string, number>();
  departments.forEach((department, d) => {
    claim(department.id, at(null, 'departments', d));
    const name = department.name.trim();
    const first = byName.get(name);
    if (first === undefined) {
      byName.set(name, d);
      return;
    }
    add(['departments', d, 'name'], {
      zh: `单位名称“${name}”重复，已用于 departments.${first}`,
      en: `duplicate department name "${name}", already used at departments.${first}`,
    });
  });
  return new Set(departments.map((d) => d.id));
}

/** Lead and co name listed departments, the lead is not also co, co has no repeats. */
function checkResponsibility(
  responsibility: NonNullable<
    ReportLike['chapters'][number]['sections'][number]['measures'][number]['responsibility']
  >,
  path: Step,
  departmentIds: ReadonlySet<string>,
  add: Add,
): void {
  const missing = (id: string, where: At, role: { zh: string; en: string }): void => {
    add(where, {
      zh: `${role.zh}“${id}”不在单位名单中，请先在单位名单中添加`,
      en: `${role.en} "${id}" is not in report.departments; add it to the list first`,
    });
  };
  const { lead, co } = responsibility;
  if (lead !== null && !departmentIds.has(lead)) {
    missing(lead, at(path, 'lead'), { zh: '牵头单位', en: 'lead department' });
  }
  const seen = new Set<string>();
  co.forEach((id, k) => {
    const where = at(path, 'co', k);
    if (!departmentIds.has(id))
      missing(id, where, { zh: '责任单位', en: 'co-responsible department' });
    if (id === lead) {
      add(where, {
        zh: `“${id}”已是牵头单位，不能同时列为责任单位`,
        en: `"${id}" is the lead department and cannot also be co-responsible`,
      });
    } else if (seen.has(id)) {
      add(where, {
        zh: `责任单位“${id}”重复列出`,
        en: `co-responsible department "${id}" is listed twice`,
      });
    }
    seen.add(id);
  });
}

type MeasureLike = ReportLike['chapters'][number]['sections'][number]['measures'][number];

/** The lines of a node's provenance (or a note's sourceLines) lie within the source. */
function checkSourceLines(
  lines: readonly number[] | undefined,
  owner: Step,
  field: 'provenance' | 'sourceLines',
  lineCount: number,
  add: Add,
): void {
  lines?.forEach((line, i) => {
    if (line > lineCount) {
      const list = field === 'provenance' ? at(owner, 'provenance', 'lines') : at(owner, field);
      add(at(list, i), {
        zh: `来源行号 ${line} 超出原文行数 ${lineCount}`,
        en: `source line ${line} is past the source's last line ${lineCount}`,
      });
    }
  });
}

/**
 * The rules a measure keeps by itself, given the report's line count, places and departments:
 * its source lines, its indicators' wording in its text and ranges, the places and departments
 * it names. (Its ids and its text are checked against the whole report.)
 */
function checkMeasureOwnRules(
  measure: MeasureLike,
  mPath: Step,
  report: { lineCount: number; placeIds: ReadonlySet<string>; departmentIds: ReadonlySet<string> },
  add: Add,
): void {
  checkSourceLines(measure.provenance?.lines, mPath, 'provenance', report.lineCount, add);
  measure.indicators.forEach((indicator, k) => {
    const kPath = at(mPath, 'indicators', k);
    if (!measure.text.includes(indicator.raw)) {
      add(at(kPath, 'raw'), {
        zh: `指标原文“${indicator.raw}”未出现在举措文字中`,
        en: `indicator substring "${indicator.raw}" does not occur in the measure's text`,
      });
    }
    if (indicator.upper !== undefined && indicator.upper < indicator.value) {
      add(at(kPath, 'upper'), {
        zh: `区间上限 ${indicator.upper} 小于下限 ${indicator.value}`,
        en: `the range's upper bound ${indicator.upper} is below its lower bound ${indicator.value}`,
      });
    }
  });
  measure.places.forEach((placeId, k) => {
    if (!report.placeIds.has(placeId)) {
      add(at(mPath, 'places', k), {
        zh: `地点“${placeId}”不在地点表中`,
        en: `place "${placeId}" is not in report.places`,
      });
    }
  });
  if (measure.responsibility !== undefined) {
    checkResponsibility(
      measure.responsibility,
      at(mPath, 'responsibility'),
      report.departmentIds,
      add,
    );
  }
}

/** Every id a measure holds below itself is where it was (ids are checked across the report). */
function sameIdsBelow(was: MeasureLike, measure: MeasureLike): boolean {
  return (
    was.id === measure.id &&
    sameIdsInOrder(was.tracking.updates, measure.tracking.updates) &&
    sameIdsInOrder(
      was.responsibility?.milestones ?? [],
      measure.responsibility?.milestones ?? [],
    ) &&
    sameIdsInOrder(was.indicators, measure.indicators) &&
    measure.indicators.every((indicator, k) => {
      const before = was.indicators[k];
      return (
        indicator === before ||
        (sameIdsInOrder(before?.observations, indicator.observations) &&
          before?.baseline?.observation?.id === indicator.baseline?.observation?.id)
      );
    })
  );
}

/** A chapter or section with the id and source lines it had, and as many children. */
function sameFrame(
  was: { id: string; provenance?: unknown },
  node: { id: string; provenance?: unknown },
  wasChildren: readonly unknown[],
  children: readonly unknown[],
): boolean {
  return (
    was.id === node.id &&
    was.provenance === node.provenance &&
    wasChildren.length === children.length
  );
}

/**
 * checkReportInvariants' verdict on `after`, made from `before` (which keeps every invariant) by
 * an edit of measures' own fields alone: the same meta, goals, ideology, places, departments and
 * notes, the same chapters and sections (ids, numbers, source lines) and every id where it was.
 * Only the rules of the changed measures can then break (their own, and a text now repeating
 * another's), so only those are checked (issue 13: the whole report was checked on every save).
 * undefined for any other edit: check the whole report.
 */
export function measureEditKeepsInvariants(
  before: ReportLike,
  after: ReportLike,
): boolean | undefined {
  if (
    before.meta !== after.meta ||
    before.goals !== after.goals ||
    before.ideology !== after.ideology ||
    before.places !== after.places ||
    before.departments !== after.departments ||
    before.notes !== after.notes ||
    before.chapters.length !== after.chapters.length
  )
    return undefined;
  const changed: { measure: MeasureLike; textChanged: boolean }[] = [];
  for (const [c, chapter] of after.chapters.entries()) {
    const was = before.chapters[c];
    if (chapter === was) continue;
    if (
      was === undefined ||
      !sameFrame(was, chapter, was.sections, chapter.sections) ||
      was.number !== chapter.number
    )
      return undefined;
    for (const [s, section] of chapter.sections.entries()) {
      const wasSection = was.sections[s];
      if (section === wasSection) continue;
      if (
        wasSection === undefined ||
        !sameFrame(wasSection, section, wasSection.measures, section.measures)
      )
        return undefined;
      for (const [m, measure] of section.measures.entries()) {
        const wasMeasure = wasSection.measures[m];
        if (measure === wasMeasure) continue;
        if (wasMeasure === undefined || !sameIdsBelow(wasMeasure, measure)) return undefined;
        changed.push({ measure, textChanged: wasMeasure.text.trim() !== measure.text.trim() });
      }
    }
  }
  let broken = false;
  const report = {
    lineCount: after.meta.source.lineCount,
    placeIds: new Set(after.places.map((p) => p.id)),
    departmentIds: new Set((after.departments ?? []).map((d) => d.id)),
  };
  for (const { measure } of changed) {
    checkMeasureOwnRules(measure, at(null, 'measure'), report, () => {
      broken = true;
    });
    if (broken) return false;
  }
  const retexted = changed.filter((x) => x.textChanged).map((x) => x.measure);
  if (retexted.length === 0) return true;
  // A new text must not repeat any other measure's (the others kept theirs apart already).
  const texts = new Map<string, number>();
  for (const chapter of after.chapters)
    for (const section of chapter.sections)
      for (const measure of section.measures) {
        const key = measure.text.trim();
        texts.set(key, (texts.get(key) ?? 0) + 1);
      }
  return retexted.every((measure) => texts.get(measure.text.trim()) === 1);
}

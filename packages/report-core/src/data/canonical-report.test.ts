import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listMeasures, validateReport, walkNodes } from '../model/index.js';
import type { ReadonlyReport } from '../model/index.js';
import {
  SOURCE_SHA256,
  canonicalReport,
  editableCopy,
  sourceLine,
  sourceText,
  splitLines,
} from './index.js';

const sourceFile = new URL('./source/leshan-report-source.txt', import.meta.url);
const sourceBytes = readFileSync(sourceFile);
const lines = splitLines(sourceBytes.toString('utf8'));

// The published text uses full-width punctuation where the source has half-width.
const normalize = (s: string): string =>
  s.trim().replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）');
const sentences = (s: string): string[] =>
  normalize(s)
    .split(/(?<=[。！？])/u)
    .map((x) => x.trim().replace(/[。！？]$/u, ''))
    .filter((x) => x !== '');

/** Every piece of text the report publishes, with the id of the node that holds it. */
function publishedTexts(report: ReadonlyReport): { id: string; text: string }[] {
  const out = [
    { id: 'meta.title', text: report.meta.title },
    { id: 'meta.subtitle', text: report.meta.subtitle ?? '' },
    { id: 'meta.scope', text: report.meta.scope },
    { id: report.ideology.id, text: report.ideology.text },
  ];
  for (const goal of report.goals)
    out.push({ id: goal.id, text: goal.subject }, { id: goal.id, text: goal.target });
  for (const chapter of report.chapters) {
    if (chapter.title !== null) out.push({ id: chapter.id, text: chapter.title });
    for (const section of chapter.sections) {
      if (section.title !== null) out.push({ id: section.id, text: section.title });
      for (const measure of section.measures) out.push({ id: measure.id, text: measure.text });
    }
  }
  return out;
}

describe('the shipped source copy', () => {
  it('matches the published sha256 byte for byte', () => {
    expect(createHash('sha256').update(sourceBytes).digest('hex')).toBe(SOURCE_SHA256);
    expect(canonicalReport.meta.source.sha256).toBe(SOURCE_SHA256);
  });

  it('is embedded unchanged in the sourceText module', () => {
    expect(Buffer.from(sourceText, 'utf8').equals(sourceBytes)).toBe(true);
    expect(canonicalReport.meta.source.lineCount).toBe(lines.length);
    expect(sourceLine(5)).toBe(lines[4]);
  });
});

describe('canonicalReport', () => {
  it('validates against ReportSchema with every invariant', () => {
    const result = validateReport(editableCopy(canonicalReport));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('has the eight chapters numbered 1..8 and the five main goals', () => {
    expect(canonicalReport.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(canonicalReport.goals.map((g) => g.subject + g.target)).toEqual([
      '经济实力明显增强',
      '发展活力充分迸发',
      '绿色转型全面提速',
      '治理效能显著提升',
      '人民生活更加幸福',
    ]);
  });

  it('starts with empty tracking on every measure', () => {
    for (const m of listMeasures(canonicalReport)) {
      expect(m.measure.tracking).toEqual({ status: null, progress: null, updates: [] });
    }
  });

  it('does not invent the headings the source lacks', () => {
    const chapter6 = canonicalReport.chapters[5];
    expect(chapter6?.title).toBeNull();
    const missing = canonicalReport.notes.filter((n) => n.kind === 'missing-in-source');
    for (const chapter of canonicalReport.chapters) {
      if (chapter.title === null)
        expect(missing.some((n) => n.nodeIds.includes(chapter.id))).toBe(true);
      for (const section of chapter.sections) {
        const needsNote = section.title === null || section.measures.length === 0;
        if (needsNote) expect(missing.some((n) => n.nodeIds.includes(section.id))).toBe(true);
      }
    }
  });
});

describe('every sentence of the source', () => {
  const published = publishedTexts(canonicalReport);
  const publishedSentences = published.flatMap((p) => sentences(p.text).map((s) => ({ ...p, s })));
  const notes = canonicalReport.notes;
  const linesCoveredBy = (kinds: string[]) =>
    new Set(notes.filter((n) => kinds.includes(n.kind)).flatMap((n) => n.sourceLines));
  const provenanceLines = new Map<number, string>();
  for (const line of canonicalReport.meta.provenance?.lines ?? [])
    provenanceLines.set(line, 'meta');
  for (const found of walkNodes(canonicalReport)) {
    const prov = 'provenance' in found.node ? found.node.provenance : undefined;
    for (const line of prov?.lines ?? []) provenanceLines.set(line, found.node.id);
  }

  const occurrences = new Map<string, number[]>();
  lines.forEach((text, i) => {
    if (/^\s*\d+\s*$/u.test(text)) return; // chapter markers: checked through chapter provenance
    for (const s of sentences(text)) occurrences.set(s, [...(occurrences.get(s) ?? []), i + 1]);
  });

  it('appears exactly once in the data, or is covered by an editorial note', () => {
    const removed = linesCoveredBy(['duplicate-removed']);
    const covering = (line: number, s: string) =>
      notes.some(
        (n) =>
          n.sourceLines.includes(line) &&
          [n.originalText ?? '', ...(n.removedText ?? [])].some((t) => sentences(t).includes(s)),
      );
    const problems: string[] = [];
    for (const [s, at] of occurrences) {
      if (s === '主要目标' || s === '指导思想') continue; // block labels: goals and ideology
      const count = publishedSentences.filter((p) => p.s === s).length;
      if (count === 1) {
        const kept = at.filter((line) => !removed.has(line));
        if (kept.length !== 1)
          problems.push(`“${s}” at ${at.join(',')}: ${kept.length} copies kept`);
        continue;
      }
      const covered = at.every((line) => covering(line, s));
      if (count !== 0 || !covered)
        problems.push(`“${s}” at ${at.join(',')}: ${count} times in the data`);
    }
    expect(problems).toEqual([]);
  });

  it('is the only origin of published text, apart from recorded corrections', () => {
    const correctedSentences = new Set(notes.flatMap((n) => sentences(n.correctedText ?? '')));
    const invented = publishedSentences.filter(
      (p) => !occurrences.has(p.s) && !correctedSentences.has(p.s),
    );
    expect(invented).toEqual([]);
  });

  it('has every non-empty line accounted for by a node or a note', () => {
    const noted = linesCoveredBy([
      'duplicate-removed',
      'relocated',
      'corrected',
      'missing-in-source',
      'ambiguous',
    ]);
    const blockLabels = new Set([11]);
    const unaccounted = lines
      .map((text, i) => ({ line: i + 1, text }))
      .filter(
        ({ line, text }) =>
          text.trim() !== '' &&
          !provenanceLines.has(line) &&
          !noted.has(line) &&
          !blockLabels.has(line),
      );
    expect(unaccounted).toEqual([]);
  });

  it('is where each node’s provenance says it is', () => {
    const correctedById = new Map(notes.flatMap((n) => n.nodeIds.map((id) => [id, n] as const)));
    for (const m of listMeasures(canonicalReport)) {
      const line = m.measure.provenance?.lines[0] ?? 0;
      const expected = normalize(lines[line - 1] ?? '');
      if (m.text !== expected) expect(correctedById.get(m.id)?.correctedText).toBe(m.text);
    }
    for (const c of canonicalReport.chapters) {
      const [marker, title] = c.provenance?.lines ?? [];
      if (marker === undefined || title === undefined) continue;
      expect(lines[marker - 1]?.trim()).toMatch(/^\d+$/u);
      expect(normalize(lines[title - 1] ?? '')).toBe(c.title);
    }
  });
});

describe('editorial notes', () => {
  it('point at real, non-empty lines of the source', () => {
    for (const note of canonicalReport.notes) {
      expect(note.sourceLines.length).toBeGreaterThan(0);
      for (const line of note.sourceLines) expect(lines[line - 1]?.trim() ?? '').not.toBe('');
    }
  });

  it('quote removed duplicates exactly as the source has them', () => {
    for (const note of canonicalReport.notes.filter((n) => n.kind === 'duplicate-removed')) {
      expect(note.removedText).toEqual(note.sourceLines.map((l) => lines[l - 1]?.trim()));
      for (const text of note.removedText ?? []) {
        const copies = sentences(text);
        const kept = publishedTexts(canonicalReport).flatMap((p) => sentences(p.text));
        const nearCopyKept = copies.every(
          (s) => kept.includes(s) || kept.some((k) => similar(k, s)),
        );
        expect(nearCopyKept, `a copy of “${text}” is kept`).toBe(true);
      }
    }
  });

  it('name nodes that exist', () => {
    const ids = new Set([...walkNodes(canonicalReport)].map((f) => f.node.id));
    for (const note of canonicalReport.notes)
      for (const id of note.nodeIds) expect(ids.has(id)).toBe(true);
  });
});

/** Same length and at most two differing characters: a garbled copy. */
function similar(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length) return false;
  return x.filter((c, i) => c !== y[i]).length <= 2;
}

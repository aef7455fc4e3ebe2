import { describe, expect, it } from 'vitest';
import { SOURCE_SHA256, sourceText } from '../data/index.js';
import { LESHAN_PARSE_OPTIONS } from '../data/editorial-decisions.js';
import { listMeasures } from '../model/query.js';
import type { Report } from '../model/report.js';
import { parseReportText } from './parse-report-text.js';

/** The report without what depends on the bytes (hash) rather than the content. */
const content = (report: Report) => ({
  ...report,
  meta: { ...report.meta, source: { ...report.meta.source, sha256: '' } },
});

/** What a reader sees, without ids and line numbers: for variants that move lines. */
const shape = (report: Report) => ({
  meta: [report.meta.title, report.meta.subtitle, report.meta.scope],
  goals: report.goals.map((g) => [g.subject, g.target]),
  ideology: report.ideology.text,
  chapters: report.chapters.map((c) => [
    c.number,
    c.title,
    c.sections.map((s) => [s.title, s.measures.map((m) => m.text)]),
  ]),
});

const codes = (text: string) =>
  parseReportText(text, LESHAN_PARSE_OPTIONS).diagnostics.map((d) => d.code);
const base = parseReportText(sourceText, LESHAN_PARSE_OPTIONS);

describe('parseReportText', () => {
  it('reads the source into 7 chapters numbered 1..7, five goals, the ideology and the title block', () => {
    const { report } = base;
    expect(report.chapters.map((c) => [c.id, c.number])).toEqual([
      ['c32', 1],
      ['c86', 2],
      ['c122', 3],
      ['c158', 4],
      ['c196', 5],
      ['c238', 6],
      ['c290', 7],
    ]);
    expect(report.goals.map((g) => g.id)).toEqual(['g13', 'g16', 'g19', 'g22', 'g25']);
    expect(report.goals[0]).toEqual({
      id: 'g13',
      subject: '经济实力',
      target: '明显增强',
      provenance: { lines: [13, 14] },
    });
    expect(report.ideology.provenance).toEqual({ lines: [28, 30] });
    expect(report.ideology.text).toMatch(/^高举中国特色社会主义伟大旗帜，坚持/u);
    expect(report.meta).toMatchObject({
      title: '砥砺奋进 不断开创乐山高质量发展新局面',
      subtitle: '——聚焦政府工作报告——',
      scope: '今后五年工作',
      issuer: '乐山市人民政府',
      period: { start: 2022, end: 2026 },
      source: { sha256: SOURCE_SHA256, lineCount: 301 },
      provenance: { lines: [5, 7, 9] },
    });
    expect(report.places).toEqual(LESHAN_PARSE_OPTIONS.places);
    expect(report.notes).toEqual([]);
  });

  it('gives every node ids and provenance from its source lines', () => {
    const chapter = base.report.chapters[0];
    expect(chapter?.provenance).toEqual({ lines: [32, 34] });
    expect(chapter?.sections[0]).toMatchObject({
      id: 's36',
      title: '建设区域综合交通枢纽',
      provenance: { lines: [36] },
    });
    expect(chapter?.sections[0]?.measures[0]).toMatchObject({
      id: 'm38',
      provenance: { lines: [38] },
      indicators: [],
      places: [],
      tracking: { status: null, progress: null, updates: [] },
    });
    expect(listMeasures(base.report)).toHaveLength(94);
  });

  it('stores full-width Chinese punctuation where the source has half-width', () => {
    const texts = listMeasures(base.report).map((m) => m.text);
    expect(texts).toContain('深入实施河（湖）长制和长江“十年禁渔”计划。');
    expect(texts.some((t) => /[,()]/u.test(t))).toBe(false);
  });

  it('takes issuer, period, places and id from options', () => {
    const place = { id: 'jiajiang', name: '夹江县', kind: 'county' as const, aliases: ['夹江'] };
    const { report, diagnostics } = parseReportText(sourceText, {
      id: 'mou-2023-2027',
      issuer: '某市人民政府',
      period: { start: 2023, end: 2027 },
      places: [place],
    });
    expect(report.meta.issuer).toBe('某市人民政府');
    expect(report.id).toBe('mou-2023-2027');
    expect(report.places).toEqual([place]);
    expect(diagnostics.some((d) => d.code === 'missing-metadata')).toBe(false);
  });

  it('issue 17: derives the id from issuer and period, never from a city it assumes', () => {
    const a = parseReportText(sourceText, {
      issuer: '某市人民政府',
      period: { start: 2023, end: 2027 },
    });
    const b = parseReportText(sourceText, {
      issuer: '另一市人民政府',
      period: { start: 2023, end: 2027 },
    });
    expect(a.report.id).toMatch(/^report-[0-9a-f]{8}-2023-2027$/u);
    expect(b.report.id).not.toBe(a.report.id);
    expect(a.report.id).not.toContain('leshan');
  });

  it('issue 17: with no options, the Leshan source gets no Leshan metadata, only diagnostics', () => {
    const { report, diagnostics } = parseReportText(sourceText);
    expect(report.meta.issuer).toBe('');
    expect(report.id).toBe('report');
    expect(report.meta.source.file).not.toContain('leshan');
    expect(JSON.stringify(report.meta)).not.toContain('乐山市人民政府');
    const missing = diagnostics.filter((d) => d.code === 'missing-metadata');
    expect(missing.map((d) => d.message.en)).toEqual([
      expect.stringContaining('issuer'),
      expect.stringContaining('period'),
    ]);
    expect(missing.every((d) => d.severity === 'error')).toBe(true);
  });

  it('issue 17: an invalid option is reported on its own and the others are kept', () => {
    const { report, diagnostics } = parseReportText(sourceText, {
      issuer: '某市人民政府',
      period: { start: 2030, end: 2020 },
    });
    expect(report.meta.issuer).toBe('某市人民政府');
    expect(report.meta.period).toEqual({ start: 0, end: 0 });
    const invalid = diagnostics.filter((d) => d.code === 'invalid-option');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.message.en).toContain('period');
  });

  it('issue 17: an unknown option is reported, not passed over in silence', () => {
    const { diagnostics } = parseReportText(sourceText, {
      ...LESHAN_PARSE_OPTIONS,
      isuer: '错拼',
    } as Parameters<typeof parseReportText>[1]);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-option');
    expect(unknown.map((d) => d.message.en)).toEqual([expect.stringContaining('"isuer"')]);
    expect(diagnostics.some((d) => d.code === 'invalid-option')).toBe(false);
  });

  it('parses CRLF, lone CR and a BOM exactly like LF', () => {
    expect(
      content(
        parseReportText(`\ufeff${sourceText.replace(/\n/gu, '\r\n')}`, LESHAN_PARSE_OPTIONS).report,
      ),
    ).toEqual(content(base.report));
    expect(
      content(parseReportText(sourceText.replace(/\n/gu, '\r'), LESHAN_PARSE_OPTIONS).report),
    ).toEqual(content(base.report));
    expect(codes(sourceText.replace(/\n/gu, '\r\n'))).toEqual(codes(sourceText));
  });

  it('parses full-width digits and every chapter-marker style exactly like the source', () => {
    const fullWidth = sourceText.replace(/[0-9]/gu, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(content(parseReportText(fullWidth, LESHAN_PARSE_OPTIONS).report)).toEqual(
      content(base.report),
    );
    const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八'];
    for (const style of [
      (n: number) => `${cn[n] ?? ''}、`,
      (n: number) => `第${cn[n] ?? ''}章`,
      (n: number) => `（${cn[n] ?? ''}）`,
      (n: number) => `(${cn[n] ?? ''})`,
      (n: number) => `第${cn[n] ?? ''}部分`,
    ]) {
      const marked = sourceText.replace(/^(\d)$/gmu, (d) => style(Number(d)));
      expect(content(parseReportText(marked, LESHAN_PARSE_OPTIONS).report)).toEqual(
        content(base.report),
      );
      expect(codes(marked)).toEqual(codes(sourceText));
    }
  });

  it('reads a chapter title written on the marker line', () => {
    const sameLine = sourceText.replace(/^(\d)\n\n(.+)$/gmu, '$1 $2\n\n');
    const { report } = parseReportText(sameLine, LESHAN_PARSE_OPTIONS);
    expect(shape(report)).toEqual(shape(base.report));
    expect(report.chapters[0]?.provenance).toEqual({ lines: [32] });
  });

  it('gives the same structure with blank lines missing and stray spaces', () => {
    const dense = sourceText.replace(/\n\n+/gu, '\n');
    expect(shape(parseReportText(dense, LESHAN_PARSE_OPTIONS).report)).toEqual(shape(base.report));
    expect(codes(dense)).toEqual(codes(sourceText));
    const spaced = sourceText.replace(/(建设|推动|，|,)/gu, ' $1  ').replace(/^(?=.)/gmu, '  ');
    expect(content(parseReportText(spaced, LESHAN_PARSE_OPTIONS).report)).toEqual(
      content(base.report),
    );
    expect(codes(spaced)).toEqual(codes(sourceText));
  });

  it('keeps measures before any heading in an untitled section and says so', () => {
    const { report, diagnostics } = parseReportText(
      '标题\n今后五年工作\n1\n章标题\n第一条举措。\n',
    );
    expect(report.chapters[0]?.sections).toEqual([
      {
        id: 's5',
        title: null,
        measures: [expect.objectContaining({ id: 'm5', text: '第一条举措。' })],
      },
    ]);
    expect(diagnostics.map((d) => d.code)).toContain('measures-without-heading');
  });

  it('reports a chapter marker with no title and the blocks an empty document lacks', () => {
    const untitled = parseReportText('标题\n今后五年工作\n1\n举措一句。\n');
    expect(untitled.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['chapter-without-title', 'measures-without-heading']),
    );
    expect(untitled.report.chapters[0]?.title).toBeNull();
    const empty = parseReportText('');
    expect(empty.report.meta.source.lineCount).toBe(0);
    expect(empty.diagnostics.filter((d) => d.code === 'missing-block')).toHaveLength(5);
    expect(
      empty.diagnostics.some(
        (d) => d.code === 'schema-violation' && d.message.en.includes('lineCount'),
      ),
    ).toBe(true);
  });

  it('reports lines of the title block and odd goal lines it cannot place', () => {
    const { diagnostics, report } = parseReportText(
      '标题\n——副标题——\n范围\n多余的一行\n主要目标\n经济实力\n明显增强\n发展活力：充分迸发\n落单\n',
    );
    expect(report.goals.map((g) => [g.id, g.subject, g.target])).toEqual([
      ['g6', '经济实力', '明显增强'],
      ['g8', '发展活力', '充分迸发'],
    ]);
    expect(diagnostics.filter((d) => d.code === 'unrecognised-line').map((d) => d.lines)).toEqual([
      [4],
      [9],
    ]);
  });
});

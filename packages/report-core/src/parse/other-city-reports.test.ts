import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportText } from './parse-report-text.js';

// Issue 17: reports of other cities, in the shapes governments publish (see fixtures/README.md).
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parseReportText(fixture(name), { file: name });
const chapters = (name: string) =>
  parse(name).report.chapters.map((c) => [c.title, c.sections.map((s) => s.title)]);

describe('issue 17: reports of other cities', () => {
  it('reads issuer and period from each text, derives the id from them, and says where it read them', () => {
    for (const [name, issuer, year] of [
      ['chengdu-2024.txt', '成都市人民政府', 2024],
      ['shenzhen-2024.txt', '深圳市人民政府', 2024],
      ['hangzhou-2025-traditional.txt', '杭州市人民政府', 2025],
    ] as const) {
      const { report, diagnostics } = parse(name);
      expect(report.meta.issuer).toBe(issuer);
      expect(report.meta.period).toEqual({ start: year, end: year });
      expect(report.id).toMatch(new RegExp(`^report-[0-9a-f]{8}-${year}-${year}$`, 'u'));
      expect(JSON.stringify(report)).not.toMatch(/乐山|leshan/u);
      expect(diagnostics.filter((d) => d.code === 'metadata-from-text')).toHaveLength(2);
      expect(diagnostics.some((d) => d.code === 'missing-metadata')).toBe(false);
    }
    expect(
      new Set(['chengdu-2024.txt', 'shenzhen-2024.txt'].map((n) => parse(n).report.id)).size,
    ).toBe(2);
  });

  it('reads 一、 chapters with their title on the number’s line and （一） sections, from CRLF text', () => {
    expect(fixture('chengdu-2024.txt')).toContain('\r\n');
    expect(chapters('chengdu-2024.txt')).toEqual([
      ['2023年工作回顾', [null, '着力扩大有效需求', '着力建设现代化产业体系']],
      [
        '2024年工作安排',
        [null, '坚定不移扩大有效投资', '加快建设现代化产业体系', '持续增进民生福祉'],
      ],
    ]);
    const { report } = parse('chengdu-2024.txt');
    expect(report.meta.title).toBe('2024年成都市政府工作报告');
    expect(report.meta.subtitle).toBe('——2024年1月在成都市第十八届人民代表大会第四次会议上');
    // A heading that runs into its paragraph: the paragraph is the section's measure.
    expect(report.chapters[0]?.sections[1]?.measures.map((m) => m.text)).toEqual([
      '实施重大项目1000个以上，完成投资5000亿元以上，社会消费品零售总额增长10%。',
    ]);
  });

  it('reads 1. chapters written with full-width digits and unnumbered section headings', () => {
    expect(chapters('shenzhen-2024.txt')).toEqual([
      ['2023年工作回顾', [null]],
      ['2024年主要目标', [null]],
      ['重点工作', ['加快建设具有全球重要影响力的产业科技创新中心', '打造宜居韧性智慧城市']],
    ]);
  });

  it('reads a report in traditional characters', () => {
    expect(chapters('hangzhou-2025-traditional.txt')).toEqual([
      ['2024年工作回顧', [null]],
      [
        '2025年工作任務',
        [null, '加快發展新質生產力', '擴大有效投資', '推進城鄉融合發展', '增進民生福祉'],
      ],
    ]);
  });

  it('proposes the targets of each measure for an editor, leaving the measures uncurated', () => {
    const { report, proposals } = parse('chengdu-2024.txt');
    expect(
      report.chapters
        .flatMap((c) => c.sections.flatMap((s) => s.measures))
        .every((m) => m.indicators.length === 0),
    ).toBe(true);
    const m11 = proposals.find((p) => p.measureId === 'm11');
    expect(m11?.indicators.map((i) => [i.value, i.unit, i.comparator])).toEqual([
      [6, '%', 'approx'],
      [6, '%', 'eq'],
      [5.5, '%', 'lte'],
      [3, '%', 'approx'],
    ]);
  });

  it('proposes the places of the gazetteer a measure names as places', () => {
    const { proposals } = parseReportText(fixture('chengdu-2024.txt'), {
      places: [{ id: 'tianfu-airport', name: '天府国际机场', kind: 'facility', aliases: [] }],
    });
    expect(proposals.find((p) => p.measureId === 'm17')?.places).toEqual(['tianfu-airport']);
  });
});

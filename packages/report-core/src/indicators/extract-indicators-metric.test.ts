import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.js';

const metrics = (text: string) => extractIndicators(text).map((i) => i.metric);
const aspirations = (text: string) => extractIndicators(text).map((i) => i.aspirational);
const commitments = (text: string) => extractIndicators(text).map((i) => i.commitment);
const kinds = (text: string) => extractIndicators(text).map((i) => i.kind);

describe('extractIndicators naming and qualifying targets', () => {
  it.each([
    ['新建高速公路210公里。', '新建高速公路'],
    ['力争新增规上工业企业200家。', '新增规上工业企业'],
    ['完成工业投资1000亿元以上。', '工业投资'],
    ['地区生产总值力争达到1万亿元。', '地区生产总值'],
    ['经济增长4.5%至5%。', '经济增长'],
    ['确保城镇调查失业率控制在6%以内。', '城镇调查失业率'],
    ['森林蓄积量达到7000万立方米以上。', '森林蓄积量'],
    ['达标村覆盖率提高到80%。', '达标村覆盖率'],
    ['全年累计引进项目120个。', '引进项目'],
    ['常住人口城镇化率提升至55%。', '常住人口城镇化率'],
    ['  新建农村公路 600公里。', '新建农村公路'],
  ])(
    'issue 17: takes the clause before the number, dropping only intent and level words, in %s',
    (text, metric) => {
      expect(metrics(text)).toEqual([metric]);
    },
  );

  it('takes the noun phrase after "number + 个" up to 、，。和', () => {
    expect(metrics('培育2个以上500亿元经济强县、4个国家级园区，争创1个全国百强县。')).toEqual([
      '500亿元经济强县',
      '国家级园区',
      '全国百强县',
    ]);
    // Issue 17: who gets support is not a target.
    expect(metrics('支持3个省级重点帮扶县和104个重点帮扶村建设。')).toEqual([]);
    expect(metrics('新建10家“小巨人”企业。')).toEqual(['“小巨人”企业']);
  });

  it('ends a clause at each list separator', () => {
    expect(
      metrics('新建高速公路210公里、铁路170公里，干线公路300公里；农村公路6000公里。'),
    ).toEqual(['新建高速公路', '铁路', '干线公路', '农村公路']);
  });

  it('never lets a metric reach back over the previous target or the word joining them', () => {
    expect(metrics('新建高速公路210公里和铁路170公里及干线公路300公里。')).toEqual([
      '新建高速公路',
      '铁路',
      '干线公路',
    ]);
  });

  it('ignores clause separators inside quotes', () => {
    expect(metrics('“美丽四川、宜居乡村”达标村覆盖率达到80%。')).toEqual([
      '“美丽四川、宜居乡村”达标村覆盖率',
    ]);
  });

  it.each([
    ['力争新建高速公路210公里。', [true]],
    ['争取新建高速公路210公里。', [true]],
    ['努力使森林覆盖率达到62%。', [true]],
    ['争创1个全国百强县。', [true]],
    ['确保城镇调查失业率控制在6%以内。', [false]],
    ['新建高速公路210公里。', [false]],
    ['力争新建高速公路210公里，铁路170公里。', [true, true]],
    ['力争新建高速公路210公里。新建铁路170公里。', [true, false]],
    ['力争新建高速公路210公里；新建铁路170公里。', [true, false]],
    ['力争突破，确保新建铁路170公里。', [false]],
    ['确保稳定，力争新建铁路170公里。', [true]],
    ['新建铁路170公里，力争建成机场。', [false]],
  ])('judges %s aspirational by the last modal word before the number', (text, expected) => {
    expect(aspirations(text)).toEqual(expected);
  });

  it.each([
    ['力争新建高速公路210公里。', ['aspirational']],
    ['努力使森林覆盖率达到62%。', ['aspirational']],
    ['确保城镇调查失业率控制在6%以内。', ['binding']],
    ['新建高速公路210公里。', ['unstated']],
    ['確保固定資產投資增長5%。', ['binding']],
    ['力爭數字經濟核心產業增加值增長8%。', ['aspirational']],
  ])('issue 17: reads the commitment of %s from its wording only', (text, expected) => {
    expect(commitments(text)).toEqual(expected);
  });

  it.each([
    ['新建高速公路210公里、铁路170公里。', ['increment', 'increment']],
    ['改造老旧小区2500个以上。', ['increment']],
    ['城镇新增就业1100万人以上。', ['increment']],
    ['森林覆盖率提高到62%。', ['level']],
    ['城镇调查失业率控制在5.5%以内。', ['level']],
    ['粮食产量保持在1.3万亿斤以上。', ['level']],
    ['国内生产总值增长5%左右。', ['rate']],
    ['单位国内生产总值能耗降低2.5%左右。', ['rate']],
    ['居民收入年均增长6%。', ['rate']],
    ['研发经费投入占地区生产总值比重达到3%。', ['share']],
    ['数字经济核心产业增加值占GDP比重达到10%。', ['share']],
  ])('issue 17: reads the kind of %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('reports every metric as a substring of its text', () => {
    const text =
      '力争培育2个以上500亿元经济强县、4个以上300亿元经济大县，“美丽四川”达标率提高到80%。';
    for (const found of extractIndicators(text)) {
      expect(text).toContain(found.metric);
      expect(text).toContain(found.raw);
    }
  });
});

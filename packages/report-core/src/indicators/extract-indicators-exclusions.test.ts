import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.js';

// Numbers that name, date, order or specify something rather than set a target.
describe('extractIndicators passing over numbers that are not targets', () => {
  it.each([
    ['a slogan in quotes', '推进“减排、压煤、抑尘、治车、控秸”五大工程。'],
    ['a formula in quotes', '统筹“1+3+N”航空网建设，建成投运乐山机场。'],
    ['a formula without quotes', '统筹1+3+N航空网建设。'],
    ['a plan period', '十四五时期，全市经济稳中向好。'],
    ['a year', '到2025年，全面完成改革任务。'],
    ['a year in Chinese digits', '二〇二五年，全面完成改革任务。'],
    ['a year range', '编制2021—2025年发展规划。'],
    ['a date', '3月5日召开全市大会。'],
    ['a time', '会议于10:30开始。'],
    ['a technology generation', '加快5G网络建设，新增5G用户。'],
    ['a voltage specification', '抓好川渝1000千伏特高压天府南站等工程建设。'],
    ['a hospital grade', '完善分级诊疗体系，力争县县都有三级医院。'],
    ['gigabit networks', '建设千兆光网城市。'],
    ['a road-network name', '落实一环九射两纵两横高速公路网规划。'],
    ['a slogan with 个', '严格落实四个不摘要求。'],
    ['a fishing ban', '深入实施长江十年禁渔计划。'],
    ['an anniversary', '隆重庆祝建党100周年。'],
    ['a plan named for doubling', '实施高新技术企业倍增计划。'],
    ['a class qualifier', '支持500亿元经济强县加快发展。'],
    ['a class name', '壮大千亿产业集群和500亿产业集群。'],
    ['an ordinal', '抓好乐山第二气源建设。'],
    ['an ordinal in Arabic digits', '召开第3次党代会。'],
    ['a book title', '落实《乐山市“十四五”规划纲要》。'],
    ['the article 一', '建设一批绿色工厂，打造一刻钟便民生活圈。'],
    ['a place name', '以五通桥基地为核心。'],
    ['a narrative span of years', '过去五年，我们砥砺前行。'],
    ['a duration qualifying a noun', '保持五年过渡期现有主要帮扶政策总体稳定。'],
    ['a three-tier centre', '实体化运行市县乡三级综治中心。'],
    ['a number without a unit', '人口规模达到300万。'],
    ['a version number', '发布1.2.3版本。'],
    ['a Chinese counter before a noun', '打造一张蓝图绘到底，推动两个维护。'],
    ['a bare verb as metric', '今后5年，提高2个百分点。'],
  ])('passes over %s', (_what, text) => {
    expect(extractIndicators(text)).toEqual([]);
  });

  it('still reads the target beside a name or year', () => {
    expect(extractIndicators('到2025年，建成5G基站3000个以上。')).toEqual([
      {
        metric: '建成5G基站',
        raw: '3000个以上',
        value: 3000,
        unit: '个',
        comparator: 'gte',
        kind: 'level',
        commitment: 'unstated',
        aspirational: false,
      },
    ]);
  });

  it('reads a target whose metric holds a quoted name', () => {
    expect(extractIndicators('“美丽四川·宜居乡村”达标村覆盖率达到80%。')[0]?.metric).toBe(
      '“美丽四川·宜居乡村”达标村覆盖率',
    );
  });

  it('lets an unclosed quote end with its sentence', () => {
    expect(extractIndicators('推进“五大工程。新建农村公路600公里。')).toEqual([
      {
        metric: '新建农村公路',
        raw: '600公里',
        value: 600,
        unit: '公里',
        comparator: 'eq',
        kind: 'increment',
        commitment: 'unstated',
        aspirational: false,
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.js';

/** The one indicator a sentence holds, or a failure naming what was found instead. */
function only(text: string) {
  const found = extractIndicators(text);
  expect(found, text).toHaveLength(1);
  const [first] = found;
  if (first === undefined) throw new Error(`no indicator in ${text}`);
  return first;
}

const reading = (text: string) => {
  const { raw, value, unit, comparator } = only(text);
  return { raw, value, unit, comparator };
};

describe('extractIndicators reading quantities', () => {
  it.each([
    ['建成5G基站1200个。', '1200个', 1200, '个'],
    ['建成5G基站１２００个。', '１２００个', 1200, '个'],
    ['新建公路1,000公里。', '1,000公里', 1000, '公里'],
    ['新建公路1，000公里。', '1，000公里', 1000, '公里'],
    ['新建公路12,345,678公里。', '12,345,678公里', 12345678, '公里'],
    ['劳动年龄人口平均受教育年限达到10.8年。', '10.8年', 10.8, '年'],
    ['人均面积达到12．5平方米。', '12．5平方米', 12.5, '平方米'],
  ])('reads Arabic digits in %s', (text, raw, value, unit) => {
    expect(reading(text)).toEqual({ raw, value, unit, comparator: 'eq' });
  });

  it.each([
    ['培育企业三千家。', '三千家', 3000],
    ['新增住户一万二千户。', '一万二千户', 12000],
    ['改造校舍一百零五所。', '一百零五所', 105],
    ['新增岗位两万个。', '两万个', 20000],
    ['建设站点二十五座。', '二十五座', 25],
  ])('reads Chinese numerals in %s', (text, raw, value) => {
    expect(only(text)).toMatchObject({ raw, value });
  });

  it.each([
    ['完成投资2000亿元。', 200000000000, '元'],
    ['完成投资1.5万亿元。', 1500000000000, '元'],
    ['完成投资10.2亿元。', 1020000000, '元'],
    ['完成投资5千万元。', 50000000, '元'],
    ['森林蓄积量达到7000万立方米。', 70000000, '立方米'],
    ['新增装机100万千瓦。', 1000000, '千瓦'],
    ['港口吞吐量达到50万标箱。', 500000, '标箱'],
    ['接待游客8000万人次。', 80000000, '人次'],
    ['新增就业2.3万人。', 23000, '人'],
  ])('applies magnitude words exactly in %s', (text, value, unit) => {
    expect(only(text)).toMatchObject({ value, unit });
  });

  it('keeps 千 after Arabic digits for units (1000千伏), never as a magnitude', () => {
    expect(only('建成输电线路500千伏。')).toMatchObject({ value: 500, unit: '千伏' });
    expect(extractIndicators('完成植树造林3千亩。')).toEqual([]);
  });

  it.each([
    ['治理水土流失面积达到120平方公里。', '平方公里'],
    ['新增装机容量30兆瓦。', '兆瓦'],
    ['建成公租房400套。', '套'],
    ['新建污水处理厂12座。', '座'],
    ['新增养老床位600张。', '张'],
    ['完成高标准农田建设20万亩。', '亩'],
    ['粮食产量稳定在150万吨。', '吨'],
    ['新建中小学校8所。', '所'],
    ['新增市场主体3万户。', '户'],
    ['新增城镇就业1.5万人。', '人'],
    ['城镇调查失业率控制在5.5％以内。', '%'],
    ['研发投入强度提高2个百分点。', '百分点'],
  ])('recognises the unit of %s', (text, unit) => {
    expect(only(text).unit).toBe(unit);
  });

  it.each([
    ['新增企业300家以上。', 'gte', '300家以上'],
    ['新增企业300家及以上。', 'gte', '300家及以上'],
    ['新增企业不少于300家。', 'gte', '不少于300家'],
    ['新增企业不低于300家。', 'gte', '不低于300家'],
    ['失业率控制在6%以内。', 'lte', '6%以内'],
    ['失业率控制在6%以下。', 'lte', '6%以下'],
    ['新增债务不超过300亿元。', 'lte', '不超过300亿元'],
    ['地区生产总值增长6%左右。', 'approx', '6%左右'],
    ['地区生产总值增长约6%。', 'approx', '约6%'],
    ['工业产值突破1000亿元。', 'gt', '突破1000亿元'],
    ['工业产值超过1000亿元。', 'gt', '超过1000亿元'],
    ['新增企业300余家。', 'gt', '300余家'],
    ['新增就业3万多人。', 'gt', '3万多人'],
    ['新增企业300家。', 'eq', '300家'],
  ])('reads the comparator of %s', (text, comparator, raw) => {
    expect(reading(text)).toMatchObject({ comparator, raw });
  });

  it('passes over numbers too large to be finite', () => {
    const huge = '9'.repeat(400);
    expect(extractIndicators(`完成投资${huge}亿元。`)).toEqual([]);
    expect(extractIndicators(`覆盖率达到百分之${huge}。`)).toEqual([]);
  });

  it('does not read 约 inside 节约 as "about"', () => {
    expect(reading('全年节约标准煤达到3万吨。')).toMatchObject({ comparator: 'eq', raw: '3万吨' });
  });

  it('reads 百分之 followed by a numeral as a percentage', () => {
    expect(only('绿色建筑占新建建筑比例达到百分之四十。')).toMatchObject({
      raw: '百分之四十',
      value: 40,
      unit: '%',
      metric: '绿色建筑占新建建筑比例',
    });
    expect(reading('覆盖率达到百分之九十五以上。')).toMatchObject({ value: 95, comparator: 'gte' });
  });

  it.each([
    ['居民收入较2020年翻两番。', 4, '较2020年', '较2020年翻两番'],
    ['居民收入比2020年翻一番。', 2, '比2020年', '比2020年翻一番'],
    ['居民收入与2020年相比翻一番。', 2, '与2020年相比', '与2020年相比翻一番'],
    ['居民收入较2020年实现翻一番。', 2, '较2020年', '较2020年实现翻一番'],
    ['居民收入较2020年翻了一番。', 2, '较2020年', '较2020年翻了一番'],
    ['居民收入较2020年倍增。', 2, '较2020年', '较2020年倍增'],
  ])('reads the relative target and its baseline in %s', (text, value, baselineRaw, raw) => {
    expect(only(text)).toEqual({
      metric: '居民收入',
      raw,
      value,
      unit: '倍',
      comparator: 'eq',
      baseline: { year: 2020, raw: baselineRaw },
      kind: 'level',
      commitment: 'unstated',
      aspirational: false,
    });
  });

  it('reads a relative target with no baseline', () => {
    const found = only('高新技术企业数量实现倍增。');
    expect(found).toEqual({
      metric: '高新技术企业数量',
      raw: '倍增',
      value: 2,
      unit: '倍',
      comparator: 'eq',
      kind: 'level',
      commitment: 'unstated',
      aspirational: false,
    });
    expect(found).not.toHaveProperty('baseline');
  });

  it('reports the target of a from→to phrase, with the metric before 从', () => {
    expect(extractIndicators('劳动年龄人口平均受教育年限从10.2年提高到10.8年。')).toEqual([
      {
        metric: '劳动年龄人口平均受教育年限',
        raw: '10.8年',
        value: 10.8,
        unit: '年',
        comparator: 'eq',
        kind: 'level',
        commitment: 'unstated',
        aspirational: false,
      },
    ]);
    expect(only('森林覆盖率由60%提高到62%以上。')).toMatchObject({
      metric: '森林覆盖率',
      raw: '62%以上',
      comparator: 'gte',
    });
  });
});

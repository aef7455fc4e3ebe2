import type { Indicator } from '../model/indicator.js';

/**
 * The quantitative targets the editors curated, per measure, in reading order. Values are in
 * the base unit (2000亿元 → 200000000000); `raw` is the exact substring of the published text.
 */
export const CURATED_INDICATORS: Record<string, Indicator[]> = {
  m38: [
    { id: 'm38-t1', metric: '高速公路', value: 210, unit: '公里', comparator: 'eq', raw: '210公里', aspirational: true },
    { id: 'm38-t2', metric: '铁路', value: 170, unit: '公里', comparator: 'eq', raw: '170公里', aspirational: true },
  ],
  m44: [
    { id: 'm44-t1', metric: '干线公路', value: 300, unit: '公里', comparator: 'eq', raw: '300公里', aspirational: false },
  ],
  m50: [
    { id: 'm50-t1', metric: '国家高新技术企业总量', value: 2, unit: '倍', comparator: 'eq', baseline: { year: 2020, raw: '较2020年' }, raw: '较2020年翻一番', aspirational: true },
  ],
  m72: [
    { id: 'm72-t1', metric: '500亿元经济强县', value: 2, unit: '个', comparator: 'gte', raw: '2个以上', aspirational: true },
    { id: 'm72-t2', metric: '300亿元经济大县', value: 4, unit: '个', comparator: 'gte', raw: '4个以上', aspirational: true },
    { id: 'm72-t3', metric: '全国百强县', value: 1, unit: '个', comparator: 'eq', raw: '1个', aspirational: true },
  ],
  m92: [
    { id: 'm92-t1', metric: '千亿产业集群', value: 2, unit: '个', comparator: 'eq', raw: '2个', aspirational: true },
    { id: 'm92-t2', metric: '500亿产业集群', value: 3, unit: '个', comparator: 'eq', raw: '3个', aspirational: true },
  ],
  m94: [
    { id: 'm94-t1', metric: '晶硅光伏产值规模', value: 200_000_000_000, unit: '元', comparator: 'eq', raw: '2000亿元', aspirational: true },
  ],
  m108: [
    { id: 'm108-t1', metric: '国家级开发区', value: 1, unit: '个', comparator: 'eq', raw: '1个', aspirational: true },
    { id: 'm108-t2', metric: '省级重点特色园区', value: 3, unit: '个', comparator: 'eq', raw: '3个', aspirational: true },
  ],
  m110: [
    { id: 'm110-t1', metric: '规上工业企业', value: 200, unit: '家', comparator: 'eq', raw: '200家', aspirational: true },
    { id: 'm110-t2', metric: '百亿龙头企业', value: 10, unit: '家', comparator: 'eq', raw: '10家', aspirational: true },
  ],
  m112: [
    { id: 'm112-t1', metric: '重大工业项目', value: 500, unit: '个', comparator: 'eq', raw: '500个', aspirational: true },
    { id: 'm112-t2', metric: '工业投资', value: 100_000_000_000, unit: '元', comparator: 'gte', raw: '1000亿元以上', aspirational: true },
  ],
  m166: [
    { id: 'm166-t1', metric: '省级乡村振兴重点帮扶县', value: 3, unit: '个', comparator: 'eq', raw: '3个', aspirational: false },
    { id: 'm166-t2', metric: '重点帮扶村', value: 104, unit: '个', comparator: 'eq', raw: '104个', aspirational: false },
  ],
  m172: [
    { id: 'm172-t1', metric: '省级现代农业园区', value: 10, unit: '个', comparator: 'gte', raw: '10个以上', aspirational: false },
  ],
  m184: [
    { id: 'm184-t1', metric: '农村公路', value: 6000, unit: '公里', comparator: 'eq', raw: '6000公里', aspirational: false },
  ],
  m186: [
    { id: 'm186-t1', metric: '“美丽四川·宜居乡村”达标村覆盖率', value: 80, unit: '%', comparator: 'eq', raw: '80%', aspirational: false },
  ],
  m220: [
    { id: 'm220-t1', metric: '森林蓄积量', value: 70_000_000, unit: '立方米', comparator: 'gte', raw: '7000万立方米以上', aspirational: false },
  ],
  m262: [
    { id: 'm262-t1', metric: '普惠性幼儿园学位', value: 6000, unit: '个', comparator: 'eq', raw: '6000个', aspirational: false },
  ],
  m282: [
    { id: 'm282-t1', metric: '城镇调查失业率', value: 6, unit: '%', comparator: 'lte', raw: '6%以内', aspirational: false },
  ],
  m288: [
    { id: 'm288-t1', metric: '老旧小区', value: 2500, unit: '个', comparator: 'gte', raw: '2500个以上', aspirational: false },
  ],
};

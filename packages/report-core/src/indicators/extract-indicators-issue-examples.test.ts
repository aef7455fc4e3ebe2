import { describe, expect, it } from 'vitest';
import type { ExtractedIndicator } from './index.js';
import { extractIndicators } from './index.js';

// The sentences and curated readings listed in the issue, independent of the canonical JSON.
// Issue 17: the metric keeps what is measured (新建高速公路 is new road, not all road); the kind
// and the commitment come from the wording (确保 binding, 力争 aspirational, else unstated).
type Row = [
  metric: string,
  raw: string,
  value: number,
  unit: string,
  comparator: ExtractedIndicator['comparator'],
  kind: NonNullable<ExtractedIndicator['kind']>,
];

function expected(
  commitment: NonNullable<ExtractedIndicator['commitment']>,
  rows: Row[],
): ExtractedIndicator[] {
  return rows.map(([metric, raw, value, unit, comparator, kind]) => ({
    metric,
    raw,
    value,
    unit,
    comparator,
    kind,
    commitment,
    aspirational: commitment === 'aspirational',
  }));
}

const EXAMPLES: [text: string, found: ExtractedIndicator[]][] = [
  [
    '落实“一环九射两纵两横”高速公路网和“五纵两横”铁路网规划，力争新建高速公路210公里、铁路170公里。',
    expected('aspirational', [
      ['新建高速公路', '210公里', 210, '公里', 'eq', 'increment'],
      ['铁路', '170公里', 170, '公里', 'eq', 'increment'],
    ]),
  ],
  [
    '新建干线公路300公里，打通市县跨界“断节路”“瓶颈路”。',
    expected('unstated', [['新建干线公路', '300公里', 300, '公里', 'eq', 'increment']]),
  ],
  [
    '力争培育2个以上500亿元经济强县、4个以上300亿元经济大县，争创1个全国百强县。',
    expected('aspirational', [
      ['500亿元经济强县', '2个以上', 2, '个', 'gte', 'increment'],
      ['300亿元经济大县', '4个以上', 4, '个', 'gte', 'increment'],
      ['全国百强县', '1个', 1, '个', 'eq', 'level'],
    ]),
  ],
  [
    '打造“中国绿色硅谷”“中国堆谷”，力争培育千亿产业集群2个、500亿产业集群3个。',
    expected('aspirational', [
      ['千亿产业集群', '2个', 2, '个', 'eq', 'increment'],
      ['500亿产业集群', '3个', 3, '个', 'eq', 'increment'],
    ]),
  ],
  [
    '打造全球晶硅光伏产业投资首选地，力争晶硅光伏产值规模达到2000亿元，努力建成世界级先进制造业集群。',
    expected('aspirational', [['晶硅光伏产值规模', '2000亿元', 200000000000, '元', 'eq', 'level']]),
  ],
  [
    '高标准建设现代制造业基地，力争新增国家级开发区1个、省级重点特色园区3个。',
    expected('aspirational', [
      ['新增国家级开发区', '1个', 1, '个', 'eq', 'increment'],
      ['省级重点特色园区', '3个', 3, '个', 'eq', 'increment'],
    ]),
  ],
  [
    '实施规上工业企业、专精特新“小巨人”企业、上市企业培育工程，力争新增规上工业企业200家、百亿龙头企业10家。',
    expected('aspirational', [
      ['新增规上工业企业', '200家', 200, '家', 'eq', 'increment'],
      ['百亿龙头企业', '10家', 10, '家', 'eq', 'increment'],
    ]),
  ],
  [
    '力争入库重大工业项目500个，完成工业投资1000亿元以上。',
    expected('aspirational', [
      ['入库重大工业项目', '500个', 500, '个', 'eq', 'increment'],
      ['工业投资', '1000亿元以上', 100000000000, '元', 'gte', 'level'],
    ]),
  ],
  [
    '支持3个省级乡村振兴重点帮扶县和104个重点帮扶村建设。',
    [], // issue 17: who gets support, not a quantity the government commits to reach
  ],
  [
    '抓好峨眉山茶、晚熟柑橘、道地中药材、林竹四大产业集群规划建设，培育省级现代农业园区10个以上。',
    expected('unstated', [['省级现代农业园区', '10个以上', 10, '个', 'gte', 'increment']]),
  ],
  [
    '扩面提质“四好农村路”，新建农村公路6000公里。',
    expected('unstated', [['新建农村公路', '6000公里', 6000, '公里', 'eq', 'increment']]),
  ],
  [
    '持续开展清河、清渠、清沟、清路、清院“五清行动”，“美丽四川·宜居乡村”达标村覆盖率提高到80%。',
    expected('unstated', [['“美丽四川·宜居乡村”达标村覆盖率', '80%', 80, '%', 'eq', 'level']]),
  ],
  [
    '全面推行林长制，森林蓄积量达到7000万立方米以上。',
    expected('unstated', [['森林蓄积量', '7000万立方米以上', 70000000, '立方米', 'gte', 'level']]),
  ],
  [
    '深入实施职业技能提升行动，确保城镇调查失业率控制在6%以内。',
    expected('binding', [['城镇调查失业率', '6%以内', 6, '%', 'lte', 'level']]),
  ],
  [
    '改造老旧小区2500个以上。',
    expected('unstated', [['改造老旧小区', '2500个以上', 2500, '个', 'gte', 'increment']]),
  ],
  [
    '新增普惠性幼儿园学位6000个。',
    expected('unstated', [['新增普惠性幼儿园学位', '6000个', 6000, '个', 'eq', 'increment']]),
  ],
];

describe('extractIndicators on the issue’s example sentences', () => {
  it.each(EXAMPLES)('%s', (text, found) => {
    expect(extractIndicators(text)).toEqual(found);
  });

  it('reads a doubling against its baseline year, and not the plan named 倍增计划', () => {
    const text =
      '实施科技型企业成长工程和高新技术企业倍增计划，力争国家高新技术企业总量较2020年翻一番。';
    expect(extractIndicators(text)).toEqual([
      {
        metric: '国家高新技术企业总量',
        raw: '较2020年翻一番',
        value: 2,
        unit: '倍',
        comparator: 'eq',
        baseline: { year: 2020, raw: '较2020年' },
        kind: 'level',
        commitment: 'aspirational',
        aspirational: true,
      },
    ]);
  });
});

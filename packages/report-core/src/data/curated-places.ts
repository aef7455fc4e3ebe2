import type { Place } from '../model/place.js';

/** The gazetteer of places the measures name: curated by the editors, passed to the parser as an option. */
export const LESHAN_PLACES: Place[] = [
  { id: 'shizhong', name: '市中区', kind: 'district', aliases: [] },
  { id: 'shawan', name: '沙湾区', kind: 'district', aliases: ['沙湾'] },
  { id: 'wutongqiao', name: '五通桥区', kind: 'district', aliases: ['五通桥'] },
  { id: 'jinkouhe', name: '金口河区', kind: 'district', aliases: ['金口河'] },
  { id: 'emeishan', name: '峨眉山市', kind: 'county-city', aliases: ['峨眉山', '峨眉'] },
  { id: 'jianwei', name: '犍为县', kind: 'county', aliases: ['犍为'] },
  { id: 'jingyan', name: '井研县', kind: 'county', aliases: ['井研'] },
  { id: 'jiajiang', name: '夹江县', kind: 'county', aliases: ['夹江'] },
  { id: 'muchuan', name: '沐川县', kind: 'county', aliases: ['沐川'] },
  { id: 'ebian', name: '峨边彝族自治县', kind: 'county', aliases: ['峨边'] },
  { id: 'mabian', name: '马边彝族自治县', kind: 'county', aliases: ['马边'] },
  { id: 'gaoxin', name: '乐山高新区', kind: 'development-zone', aliases: ['高新区'] },
  { id: 'chengbei', name: '乐山城北', kind: 'area', aliases: ['城北'] },
  { id: 'suji', name: '苏稽', kind: 'town', aliases: [] },
  { id: 'guanying', name: '冠英', kind: 'town', aliases: [] },
  { id: 'da-emei', name: '大峨眉', kind: 'area', aliases: [] },
  { id: 'xiaoliangshan', name: '小凉山', kind: 'area', aliases: [] },
  { id: 'leshan-port', name: '乐山港', kind: 'facility', aliases: [] },
  { id: 'leshan-airport', name: '乐山机场', kind: 'facility', aliases: [] },
];

/**
 * Which places each measure names as places (measures not listed name none), by the rule in the
 * package README: not inside a brand or an event named after the place (峨眉山茶, “井研柑橘”,
 * 峨眉山康养论坛 name no place; issue 17).
 */
export const MEASURE_PLACES: Record<string, string[]> = {
  m40: ['leshan-airport'],
  m42: ['leshan-port'],
  m58: ['chengbei', 'suji', 'guanying', 'gaoxin'],
  m94: ['wutongqiao', 'gaoxin', 'shizhong', 'shawan'],
  m96: ['jiajiang'],
  m98: ['shawan', 'jiajiang', 'shizhong'],
  m100: ['wutongqiao'],
  m102: ['emeishan'],
  m128: ['da-emei', 'xiaoliangshan'],
};

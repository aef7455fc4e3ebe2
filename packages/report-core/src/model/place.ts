import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';

export const PlaceKindSchema = z
  .enum([
    'district',
    'county',
    'county-city',
    'development-zone',
    'town',
    'area',
    'base',
    'facility',
  ])
  .describe(
    'district 区, county 县, county-city 县级市, development-zone 开发区, town 镇/片区, area 区域, base 产业基地, facility 设施.',
  );
export type PlaceKind = z.infer<typeof PlaceKindSchema>;

export const PlaceSchema = z
  .strictObject({
    id: NodeIdSchema,
    name: safeString().min(1).max(50).describe('The name as the public knows it, e.g. 五通桥区.'),
    kind: PlaceKindSchema,
    aliases: z.array(safeString().min(1)).describe('Other spellings found in texts, e.g. 五通桥.'),
  })
  .describe('A county, district, base or other place that measures name.');
export type Place = z.infer<typeof PlaceSchema>;

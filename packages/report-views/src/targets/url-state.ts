import type { IndicatorQuery } from '../view/indicator-query.js';
import type { TargetsProps } from './targets-types.js';

// A static host serves the same file for every query string, so the hydrated targets island
// reads its filters from the address bar (issue 12). Only values the island's own controls offer
// are taken; anything else is ignored, as the form would never send it. No zod here: it stays
// off the phone's first load.

const SORTS = ['chapter', 'value', 'metric', 'status', 'attainment'] as const;
const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);

/** The targets filters a query string asks for. */
export function targetsQueryFromSearch(search: string, props: TargetsProps): IndicatorQuery {
  const params = new URLSearchParams(search);
  const units = [...new Set(props.rows.map((r) => r.unit))];
  const chapter = props.chapters.find((c) => String(c.number) === params.get('chapter'))?.number;
  const unit = oneOf(params.get('unit'), units);
  const comparator = oneOf(
    params.get('comparator'),
    Object.keys(props.comparatorLabels) as (keyof TargetsProps['comparatorLabels'])[],
  );
  const status = oneOf(
    params.get('status'),
    Object.keys(props.statusLabels) as (keyof TargetsProps['statusLabels'])[],
  );
  return {
    ...(chapter === undefined ? {} : { chapter }),
    ...(unit === undefined ? {} : { unit }),
    ...(comparator === undefined ? {} : { comparator }),
    ...(status === undefined ? {} : { status }),
    sort: oneOf(params.get('sort'), SORTS) ?? 'chapter',
    dir: oneOf(params.get('dir'), ['asc', 'desc'] as const) ?? 'asc',
  };
}

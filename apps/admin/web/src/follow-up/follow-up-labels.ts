import type { ObservationBasis } from '@leshan/report-core';

/** 累计 / 当年 for the form's select; '' is absent, which reads as cumulative. */
export const BASIS_OPTIONS: readonly { value: '' | ObservationBasis; label: string }[] = [
  { value: '', label: '累计（自规划期初起）' },
  { value: 'annual', label: '当年' },
];

/** 累计 or 当年 (absent reads as cumulative). */
export const basisLabel = (basis: ObservationBasis | undefined): string =>
  basis === 'annual' ? '当年' : '累计';

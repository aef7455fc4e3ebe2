import { OBSERVATION_BASIS_LABELS } from '@leshan/report-core/labels';
import type { ObservationBasis } from '@leshan/report-core';

/** 累计 / 当年 for the form's select; '' is absent, which reads as cumulative. */
export const BASIS_OPTIONS: readonly { value: '' | ObservationBasis; label: string }[] = [
  { value: '', label: `${OBSERVATION_BASIS_LABELS.cumulative.zh}（自规划期初起）` },
  { value: 'annual', label: OBSERVATION_BASIS_LABELS.annual.zh },
];

import { listMeasures } from '@leshan/report-core';
import type { DeepReadonly, MeasureListItem, Place, ReadonlyReport } from '@leshan/report-core';

export interface PlaceGroup {
  place: DeepReadonly<Place>;
  measures: DeepReadonly<MeasureListItem>[];
}

/** Each place of the gazetteer with the measures that name it, in reading order; unnamed places last. */
export function groupByPlace(report: ReadonlyReport): PlaceGroup[] {
  const measures = listMeasures(report);
  const groups = report.places.map((place) => ({
    place,
    measures: measures.filter((m) => m.measure.places.includes(place.id)),
  }));
  return [
    ...groups.filter((g) => g.measures.length > 0),
    ...groups.filter((g) => g.measures.length === 0),
  ];
}

import { z } from 'zod';
import type { DeepReadonly } from '../model/readonly.js';
import { NodeIdSchema } from '../model/ids.js';
import type { Place } from '../model/place.js';
import { normalizeSearchText } from './normalize-text.js';
import type { SearchDoc } from './search-doc.js';

/** A place as the search index keeps it: its id and its normalized name and aliases. */
export const IndexedPlaceSchema = z
  .object({
    id: NodeIdSchema,
    names: z.array(z.string().min(1)).min(1).describe('The place’s name, then its aliases.'),
  })
  .describe('A place of the report’s gazetteer, as search matches it.');
export type IndexedPlace = z.infer<typeof IndexedPlaceSchema>;

/** What search looks places up by: normalized names and the documents tagged with each place. */
export interface PlaceLookups {
  /** Normalized name or alias → ids of the places it names. */
  readonly placesByName: ReadonlyMap<string, readonly string[]>;
  /** Place id → its normalized names, the name first. */
  readonly placeNames: ReadonlyMap<string, readonly string[]>;
  /** Place id → ascending numbers of the documents tagged with it. */
  readonly placeDocs: ReadonlyMap<string, Uint32Array>;
}

export function indexedPlaces(places: readonly DeepReadonly<Place>[]): IndexedPlace[] {
  return places.map((p) => ({ id: p.id, names: [p.name, ...p.aliases] }));
}

export function placeLookups(
  places: readonly IndexedPlace[],
  docs: readonly SearchDoc[],
): PlaceLookups {
  const placesByName = new Map<string, string[]>();
  const placeNames = new Map<string, string[]>();
  for (const place of places) {
    const names = [...new Set(place.names.map(normalizeSearchText).filter((n) => n !== ''))];
    placeNames.set(place.id, names);
    for (const name of names) {
      const ids = placesByName.get(name);
      if (ids === undefined) placesByName.set(name, [place.id]);
      else if (!ids.includes(place.id)) ids.push(place.id);
    }
  }
  const tagged = new Map<string, number[]>();
  docs.forEach((doc, n) => {
    for (const id of doc.places) {
      const list = tagged.get(id);
      if (list === undefined) tagged.set(id, [n]);
      else list.push(n);
    }
  });
  const placeDocs = new Map<string, Uint32Array>();
  for (const [id, list] of tagged) placeDocs.set(id, Uint32Array.from(list));
  return { placesByName, placeNames, placeDocs };
}

import type { Message } from '../model/message.js';
import type { ValidationResult } from '../model/validate.js';
import { validateWith } from '../model/validate.js';
import { placeLookups } from './index-places.js';
import type { Postings, SearchIndex } from './search-index.js';
import { SEARCH_INDEX_VERSION } from './search-index.js';
import type { SerializedSearchIndex } from './serialized-index-schema.js';
import {
  SEARCH_INDEX_FORMAT,
  SearchIndexHeaderSchema,
  SerializedSearchIndexSchema,
} from './serialized-index-schema.js';

function encode(docs: Uint32Array, tfs?: Uint32Array): number[] {
  const out: number[] = [];
  let previous = 0;
  docs.forEach((doc, i) => {
    out.push(doc - previous);
    previous = doc;
    if (tfs !== undefined) out.push(tfs[i] ?? 0);
  });
  return out;
}

function decode(list: readonly number[], stride: 1 | 2): Postings {
  const docs = new Uint32Array(list.length / stride);
  const tfs = new Uint32Array(docs.length);
  let doc = 0;
  for (let i = 0; i < docs.length; i += 1) {
    doc += list[i * stride] ?? 0;
    docs[i] = doc;
    tfs[i] = stride === 2 ? (list[i * stride + 1] ?? 0) : 1;
  }
  return { docs, tfs };
}

/** The index as versioned JSON, loadable by loadSearchIndex() in Node or a browser. */
export function serializeSearchIndex(index: SearchIndex): string {
  const value: SerializedSearchIndex = {
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_VERSION,
    segmented: index.segmented,
    docs: [...index.docs],
    lengths: [...index.lengths],
    // fromEntries defines own properties, so even a term spelt "__proto__" survives.
    postings: Object.fromEntries(
      [...index.postings].map(([term, p]) => [term, encode(p.docs, p.tfs)]),
    ),
    words: Object.fromEntries([...index.words].map(([word, docs]) => [word, encode(docs)])),
    places: [...index.places],
  };
  return JSON.stringify(value);
}

function failure(path: string, message: Message): ValidationResult<SearchIndex> {
  return { ok: false, issues: [{ path, pathSegments: path === '' ? [] : [path], message }] };
}

/**
 * Reads what serializeSearchIndex() wrote. Never throws: malformed JSON, another file, another
 * index version (rebuild it) or corrupt postings give bilingual issues instead.
 */
export function loadSearchIndex(json: string): ValidationResult<SearchIndex> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return failure('', { zh: '搜索索引不是有效的 JSON', en: 'the search index is not valid JSON' });
  }
  const header = validateWith(SearchIndexHeaderSchema, raw);
  if (!header.ok) return header;
  if (header.value.version !== SEARCH_INDEX_VERSION) {
    return failure('version', {
      zh: `搜索索引版本 ${String(header.value.version)} 不受支持（当前版本为 ${String(SEARCH_INDEX_VERSION)}），请重新生成索引`,
      en: `search index version ${String(header.value.version)} is not supported (this version reads ${String(SEARCH_INDEX_VERSION)}); rebuild the index`,
    });
  }
  const parsed = validateWith(SerializedSearchIndexSchema, raw);
  if (!parsed.ok) return parsed;
  const { docs, lengths, postings, words, segmented, places } = parsed.value;
  const total = lengths.reduce((sum, n) => sum + n, 0);
  return {
    ok: true,
    value: {
      version: SEARCH_INDEX_VERSION,
      docs,
      lengths: Uint32Array.from(lengths),
      averageLength: docs.length === 0 ? 0 : total / docs.length,
      postings: new Map(Object.entries(postings).map(([term, list]) => [term, decode(list, 2)])),
      words: new Map(Object.entries(words).map(([word, list]) => [word, decode(list, 1).docs])),
      segmented,
      places,
      ...placeLookups(places, docs),
      normalizedCache: [],
    },
  };
}

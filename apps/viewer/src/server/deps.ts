import type { ClientAssets } from './http/client-assets.js';
import type { BodyCache } from './http/body-cache.js';
import type { FileGuard } from './http/send-file.js';
import type { QueryKeys } from './http/query-keys.js';
import type { ViewerSource } from './source.js';

/** What createServer needs; tests pass an in-memory source and no client build. */
export interface ServerDeps {
  source: ViewerSource;
  /** Built browser files; omit to serve pages without styles and islands. */
  assets?: ClientAssets;
  /** Public origin for absolute links in feeds, e.g. https://report.example.cn. */
  siteUrl: string;
  /** Rendered responses by edition hash; one per server by default. */
  cache?: BodyCache;
  /** Which export files were checked, and where refusals are logged; one per server by default. */
  files?: FileGuard;
  /** Whether pages offer the text-size links (default true; the static build has no server for them). */
  textSizeControl?: boolean;
  /** The query parameters each route reads, for cache keys; set by createServer. */
  queries?: QueryKeys;
}

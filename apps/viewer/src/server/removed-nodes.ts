import { traceRemovedNode, walkNodes } from '@leshan/report-core';
import type { RemovedNode } from '@leshan/report-core';
import type { ViewerSource } from './source.js';

/** Every id an earlier edition published and the latest no longer has, with what happened to it. */
export type RetiredIndex = ReadonlyMap<string, RemovedNode>;

const caches = new WeakMap<ViewerSource, { hash: string; index: Promise<RetiredIndex> }>();

async function buildIndex(source: ViewerSource): Promise<RetiredIndex> {
  const editions = [];
  for (const summary of await source.listEditions()) {
    const edition = await source.getEdition(summary.id);
    if (edition !== undefined) editions.push({ number: edition.number, report: edition.report });
  }
  const latest = editions.reduce(
    (a, b) => (b.number > a.number ? b : a),
    editions[0] ?? { number: 0, report: undefined },
  );
  const current = new Set(
    latest.report === undefined ? [] : [...walkNodes(latest.report)].map((f) => f.node.id),
  );
  const index = new Map<string, RemovedNode>();
  for (const { report } of editions)
    for (const found of walkNodes(report)) {
      const id = found.node.id;
      if (current.has(id) || index.has(id)) continue;
      const trace = traceRemovedNode(editions, id);
      if (trace !== undefined) index.set(id, trace);
    }
  return index;
}

/**
 * What happened to a published id the latest edition lacks (issue 14: 410 or a redirect to its
 * successor), or undefined for an id no edition had. Built once per latest edition, so an unknown
 * id costs a map lookup, not a read of every edition.
 */
export async function findRemovedNode(
  source: ViewerSource,
  id: string,
): Promise<RemovedNode | undefined> {
  const latest = await source.latestEdition();
  if (latest === undefined) return undefined;
  let cached = caches.get(source);
  if (cached?.hash !== latest.hash) {
    const index = buildIndex(source);
    cached = { hash: latest.hash, index };
    caches.set(source, cached);
    // A failed read is not remembered: the next request tries again.
    index.catch(() => {
      if (caches.get(source)?.index === index) caches.delete(source);
    });
  }
  return (await cached.index).get(id);
}

import type { Lang } from '../../ui/i18n.js';
import { localPath } from '../../ui/i18n.js';
import { findRemovedNode } from '../removed-nodes.js';
import type { ViewerSource } from '../source.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';
import type { PageOutcome } from './page-handler.js';

/**
 * The page for a measure id the latest edition lacks (issue 14): a permanent redirect to the
 * measure it was merged into, a 410 saying which edition removed it and why, or a plain 404.
 */
export async function removedOutcome(
  source: ViewerSource,
  lang: Lang,
  id: string,
): Promise<PageOutcome> {
  const removed = await findRemovedNode(source, id);
  if (removed === undefined) return notFoundOutcome(lang);
  if (removed.successorId !== null)
    return {
      kind: 'redirect',
      status: 308,
      location: localPath(lang, `/measures/${removed.successorId}`),
    };
  return lang === 'en'
    ? messageOutcome(410, 'This measure was removed', [
        `Edition ${removed.removedIn} removed ${id} (last published in edition ${removed.lastSeenIn}).`,
        ...(removed.text === null ? [] : [`It read: ${removed.text}`]),
        `Why: ${removed.reason.en}`,
      ])
    : messageOutcome(410, '该举措已删除', [
        `第 ${removed.removedIn} 版删除了举措 ${id}（最后见于第 ${removed.lastSeenIn} 版）。`,
        ...(removed.text === null ? [] : [`原文：${removed.text}`]),
        `原因：${removed.reason.zh}`,
      ]);
}

import { useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';
import type { ViewLinks } from '@leshan/report-views';

/** The preview's own pages, as paths under /admin/preview (the server answers each with the app). */
export const PREVIEW_BASE = '/admin/preview';

export type PreviewPage =
  | { kind: 'home' }
  | { kind: 'chapter'; number: number }
  | { kind: 'targets' }
  | { kind: 'places' }
  | { kind: 'source' };

/** Which preview page a path names; anything else under the preview is its home page. */
export function previewPageOf(pathname: string): PreviewPage {
  const path = pathname.replace(/\/+$/, '');
  const chapter = /^\/admin\/preview\/chapters\/(\d{1,2})$/.exec(path);
  if (chapter !== null) return { kind: 'chapter', number: Number(chapter[1]) };
  const page = /^\/admin\/preview\/(targets|places|source)$/.exec(path)?.[1];
  return page === 'targets' || page === 'places' || page === 'source'
    ? { kind: page }
    : { kind: 'home' };
}

/**
 * The public site's links, answered inside the preview: the home page, chapters (with their
 * measures' anchors), targets, places and the source notes are preview pages; feeds exist only
 * on the published site, so their words stay without a link.
 */
export const previewLinks: ViewLinks = {
  home: () => PREVIEW_BASE,
  chapter: (n, anchor) =>
    `${PREVIEW_BASE}/chapters/${n}${anchor === undefined ? '' : `#${anchor}`}`,
  chapters: () => `${PREVIEW_BASE}/chapters`,
  targets: () => `${PREVIEW_BASE}/targets`,
  place: (id) => `${PREVIEW_BASE}/places#place-${id}`,
  note: (id) => `${PREVIEW_BASE}/source#${id}`,
  chapterFeed: () => undefined,
  // The preview shows a measure in its chapter and has no page per department or place, nor
  // the measures list; the site gives each a page of its own (issue 19).
  measure: (id, n) => `${PREVIEW_BASE}/chapters/${n}#${id}`,
  measureFeed: () => undefined,
  measureList: () => undefined,
  department: () => undefined,
  placePage: (id) => `${PREVIEW_BASE}/places#place-${id}`,
};

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

/** The address of the preview page (path and #anchor), re-read on back/forward and on `openPreviewLink`. */
export function usePreviewPath(): string {
  return useSyncExternalStore(
    subscribe,
    () => `${window.location.pathname}${window.location.hash}`,
  );
}

/**
 * Follows a link inside the preview without reloading the app: the address changes (so back,
 * reload and a copied link work) and the workspace's router hears it as a popstate.
 */
export function openPreviewLink(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A plain click on a link into the preview: followed in the app, never by loading a page. */
export function followInside(event: MouseEvent<HTMLElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  const href = target?.getAttribute('href');
  if (href === null || href === undefined || !href.startsWith(PREVIEW_BASE)) return;
  event.preventDefault();
  openPreviewLink(href);
}

// Where a search hit lives on the site; shared by the server and the search island (no imports,
// so the browser bundle stays small).

export interface HitLocation {
  nodeId: string;
  kind: 'goal' | 'ideology' | 'chapter' | 'section' | 'measure' | 'note';
  chapterNumber?: number | undefined;
  sectionId?: string | undefined;
}

/** The page path (without /en) and anchor that shows a hit. */
export function hitHref(hit: HitLocation): string {
  switch (hit.kind) {
    case 'goal':
    case 'ideology':
      return `/#${hit.nodeId}`;
    case 'chapter':
      return `/chapters/${hit.chapterNumber ?? 1}`;
    case 'section':
      return `/chapters/${hit.chapterNumber ?? 1}#${hit.nodeId}`;
    case 'measure':
      // Issue 19: a measure has a page of its own.
      return `/measures/${hit.nodeId}`;
    case 'note':
      return `/source#${hit.nodeId}`;
  }
}

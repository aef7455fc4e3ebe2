/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
  /** Plain text; escaped, never markup. */
  content?: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfLink: string;
  alternateLink: string;
  updated: string;
  author: string;
  entries: readonly AtomEntry[];
}

/** An Atom 1.0 document (RFC 4287). Every value is escaped as text. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      '<entry>',
      `<id>${escapeXml(e.id)}</id>`,
      `<title type="text">${escapeXml(e.title)}</title>`,
      `<updated>${escapeXml(e.updated)}</updated>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.categories ?? []).map((c) => `<category term="${escapeXml(c)}"/>`),
      `<summary type="text">${escapeXml(e.summary)}</summary>`,
      ...(e.content === undefined
        ? []
        : [`<content type="text">${escapeXml(e.content)}</content>`]),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${escapeXml(feed.id)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    `<subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.alternateLink)}"/>`,
    `<updated>${escapeXml(feed.updated)}</updated>`,
    `<author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

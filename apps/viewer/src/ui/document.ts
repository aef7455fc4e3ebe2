import type { Lang } from './i18n.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside <script type="application/json">: no `<` (so no `</script>` or
 * `<!--`), and no U+2028/2029. The browser bundle reads it with JSON.parse.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface DocumentParts {
  lang: Lang;
  title: string;
  /** og:site_name. */
  siteName: string;
  description: string;
  body: string;
  /** Stylesheets and the entry script from the Vite manifest (empty without a client build). */
  css: readonly string[];
  script: string | undefined;
  /** Island props; the entry script is only linked when a page has islands. */
  islands: Record<string, unknown>;
  feeds: readonly { href: string; title: string }[];
  /** The page's absolute address: `<link rel=canonical>` and og:url. */
  canonical?: string;
  /** The share card: og:image and twitter:image, absolute, with its size and text alternative. */
  image?: { url: string; width: number; height: number; alt: string };
  /** og:type: 'website' unless the page is one item (a measure's page is an article, issue 19). */
  ogType?: 'website' | 'article';
  /** twitter:card: a large image unless the page asks for the small summary card. */
  twitterCard?: 'summary' | 'summary_large_image';
}

/** Open Graph and Twitter card tags: each page's own title and description (issue 12). */
function shareTags(parts: DocumentParts): string[] {
  const meta = (attr: 'property' | 'name', key: string, value: string): string =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  const { image } = parts;
  return [
    meta('property', 'og:type', parts.ogType ?? 'website'),
    meta('property', 'og:site_name', parts.siteName),
    meta('property', 'og:title', parts.title),
    meta('property', 'og:description', parts.description),
    meta('property', 'og:locale', parts.lang === 'en' ? 'en_US' : 'zh_CN'),
    ...(parts.canonical === undefined ? [] : [meta('property', 'og:url', parts.canonical)]),
    ...(image === undefined
      ? []
      : [
          meta('property', 'og:image', image.url),
          meta('property', 'og:image:type', 'image/png'),
          meta('property', 'og:image:width', String(image.width)),
          meta('property', 'og:image:height', String(image.height)),
          meta('property', 'og:image:alt', image.alt),
        ]),
    meta(
      'name',
      'twitter:card',
      parts.twitterCard ?? (image === undefined ? 'summary' : 'summary_large_image'),
    ),
    meta('name', 'twitter:title', parts.title),
    meta('name', 'twitter:description', parts.description),
    ...(image === undefined
      ? []
      : [meta('name', 'twitter:image', image.url), meta('name', 'twitter:image:alt', image.alt)]),
  ];
}

/** The HTML around a rendered page. No inline script or style: the CSP forbids both. */
export function renderDocument(parts: DocumentParts): string {
  const hasIslands = Object.keys(parts.islands).length > 0;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<meta name="description" content="${escapeHtml(parts.description)}">`,
    '<meta name="color-scheme" content="light">',
    '<link rel="icon" href="/favicon.ico" sizes="32x32">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    ...parts.css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...parts.feeds.map(
      (f) =>
        `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(f.title)}" href="${escapeHtml(f.href)}">`,
    ),
    ...(parts.canonical === undefined
      ? []
      : [`<link rel="canonical" href="${escapeHtml(parts.canonical)}">`]),
    ...shareTags(parts),
    ...(hasIslands && parts.script !== undefined
      ? [`<script type="module" src="${escapeHtml(parts.script)}"></script>`]
      : []),
  ];
  const data = hasIslands
    ? `<script type="application/json" id="island-data">${jsonForScript(parts.islands)}</script>`
    : '';
  return `<!doctype html>\n<html lang="${parts.lang === 'en' ? 'en' : 'zh-CN'}"><head>${head.join('')}</head><body>${parts.body}${data}</body></html>`;
}

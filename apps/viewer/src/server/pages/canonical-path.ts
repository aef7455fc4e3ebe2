/**
 * The one URL of a page (issue 12): lower case, single slashes, no leading zeros in numbers and
 * no trailing slash, except the two homes `/` and `/en/`. The answer always starts with exactly
 * one `/`, so a redirect to it can never leave the site (`//evil.example` and `/\evil.example`
 * are addresses of another host to a browser).
 */
export function canonicalPath(path: string): string {
  const segments = path
    .toLowerCase()
    .split(/[/\\]+/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s));
  if (segments.length === 0) return '/';
  if (segments.length === 1 && segments[0] === 'en') return '/en/';
  return `/${segments.join('/')}`;
}

/** The query part of a URL as it was sent, `?` included, or ''. */
export function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}

/** The path part of a URL as it was sent. */
export function pathOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at);
}

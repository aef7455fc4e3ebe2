// Issue 19: larger text for older readers, chosen without JavaScript and remembered in a cookie.

/** The text sizes a reader may choose, smallest first; `standard` is the site as designed. */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_LABELS: Record<TextSize, { zh: string; en: string }> = {
  standard: { zh: '标准', en: 'Standard' },
  large: { zh: '大', en: 'Large' },
  xlarge: { zh: '特大', en: 'Extra large' },
};

/** The cookie that remembers the choice (a year). */
export const TEXT_SIZE_COOKIE = 'text_size';
export const TEXT_SIZE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** Where the control's links go: `?size=…&back=<the page's path and query>`. */
export const TEXT_SIZE_PATH = '/settings/text-size';

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value);
}

/** The size a request's Cookie header chose; `standard` without one or with anything else. */
export function textSizeOf(cookieHeader: string | undefined): TextSize {
  if (cookieHeader === undefined) return 'standard';
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.split('=', 2).map((s) => s.trim());
    if (name === TEXT_SIZE_COOKIE && isTextSize(value)) return value;
  }
  return 'standard';
}

const hasControl = (text: string): boolean =>
  [...text].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f');

/**
 * `back` as a path of this site to return to, or `/`: only a path that starts with one `/`
 * (never `//host` or `/\host`, which browsers read as another site), no control characters,
 * at most 2000 characters; what the URL parser makes of it must stay on this origin.
 */
export function sameSitePath(back: unknown): string {
  if (typeof back !== 'string' || back.length > 2000 || hasControl(back)) return '/';
  if (!back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\')) return '/';
  const origin = 'http://same-site.invalid';
  let url: URL;
  try {
    url = new URL(back, origin);
  } catch (_error) {
    return '/';
  }
  if (url.origin !== origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The control's link for one size, returning to `back` (path and query of the current page). */
export function textSizeHref(size: TextSize, back: string): string {
  return `${TEXT_SIZE_PATH}?${new URLSearchParams({ size, back }).toString()}`;
}

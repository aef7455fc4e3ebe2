// Editor-typed text is never markup: every ASCII character Markdown (CommonMark + GFM tables)
// gives a meaning inline is backslash-escaped, which CommonMark defines for all ASCII punctuation.
const INLINE = /[\\`*_[\]<>#|!~&$]/g;
// Only at a line start do these open a block: a list (-, +, 1.) or a heading underline (=).
const BLOCK_START = /^(\s*)(?:([-+=])|(\d+)([.)]))/;

/** Text safe to place anywhere in a Markdown paragraph, heading or table cell; always one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(
      BLOCK_START,
      (
        _m,
        space: string,
        mark: string | undefined,
        digits: string | undefined,
        punct: string | undefined,
      ) => (mark === undefined ? `${space}${digits ?? ''}\\${punct ?? ''}` : `${space}\\${mark}`),
    );
}

/** An http(s) URL as a CommonMark autolink; anything else is shown as escaped text. */
export function markdownLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(url);
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

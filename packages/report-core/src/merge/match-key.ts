/** The text two wordings are compared by: width-folded (NFKC), without white space. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** A heading compared with a measure: the measure's final full stop does not count. */
export function headingKey(text: string): string {
  return matchKey(text).replace(/[。.]$/u, '');
}

/**
 * Words grouped by their first (or last) character, longest first within a group, so that
 * "which listed word starts here?" costs one Map lookup and a few comparisons instead of a
 * walk over the whole list — the scanner asks it at every number of a text.
 */
export class WordIndex<T> {
  private readonly byFirst = new Map<string, (readonly [string, T])[]>();
  private readonly byLast = new Map<string, (readonly [string, T])[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    const sorted = [...entries]
      .filter(([w]) => w.length > 0)
      .sort((a, b) => b[0].length - a[0].length);
    for (const entry of sorted) {
      const [word] = entry;
      WordIndex.add(this.byFirst, word.charAt(0), entry);
      WordIndex.add(this.byLast, word.charAt(word.length - 1), entry);
    }
  }

  private static add<V>(map: Map<string, V[]>, key: string, value: V): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  }

  /** The longest word starting at i of text, if any. */
  startingAt(text: string, i: number): readonly [string, T] | undefined {
    const candidates = this.byFirst.get(text.charAt(i));
    if (candidates === undefined) return undefined;
    for (const entry of candidates) if (text.startsWith(entry[0], i)) return entry;
    return undefined;
  }

  /** The longest word ending just before `end` of text, if any. */
  endingAt(text: string, end: number): readonly [string, T] | undefined {
    const candidates = end > 0 ? this.byLast.get(text.charAt(end - 1)) : undefined;
    if (candidates === undefined) return undefined;
    for (const entry of candidates) {
      const [word] = entry;
      if (end >= word.length && text.startsWith(word, end - word.length)) return entry;
    }
    return undefined;
  }
}

/** An index of plain words (no payload). */
export function wordIndex(words: Iterable<string>): WordIndex<true> {
  return new WordIndex([...words].map((w) => [w, true] as const));
}

import { z } from 'zod';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a form or field holds that the draft does not: typed text, and why it was refused. */
const FormEntrySchema = z.object({ value: z.unknown(), refused: z.string().nullable() });
export type FormEntry = z.infer<typeof FormEntrySchema>;
const FormEntriesSchema = z.record(z.string(), FormEntrySchema);

/** Moves one tab's form drafts to another key (a duplicated tab taking an id of its own). */
export function moveFormDrafts(storage: KeyValueStorage | null, from: string, to: string): void {
  try {
    const raw = storage?.getItem(from);
    if (raw === null || raw === undefined || storage?.getItem(to) !== null) return;
    storage?.setItem(to, raw);
    storage?.removeItem(from);
  } catch (_error) {
    // Storage unavailable or full: the copy starts with empty forms; the original keeps its own.
  }
}

/**
 * Unsubmitted form text and refused field values of one tab, kept outside the components so
 * they survive selecting another node, visiting another screen and reloading the tab
 * (sessionStorage). A refused entry counts against "已保存" until it is fixed or discarded.
 */
export class FormDrafts {
  private entries: Record<string, FormEntry>;
  private listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key: string,
  ) {
    let parsed: Record<string, FormEntry> = {};
    try {
      const raw = storage?.getItem(key);
      const result = FormEntriesSchema.safeParse(JSON.parse(raw ?? '{}'));
      if (result.success) parsed = result.data;
    } catch (_error) {
      parsed = {};
    }
    this.entries = parsed;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(key: string): FormEntry | undefined {
    return this.entries[key];
  }

  set(key: string, value: unknown, refused: string | null = null): void {
    this.entries = { ...this.entries, [key]: { value, refused } };
    this.changed();
  }

  clear(key: string): void {
    if (!(key in this.entries)) return;
    const { [key]: _dropped, ...rest } = this.entries;
    this.entries = rest;
    this.changed();
  }

  /** Refused values waiting in their fields, with their messages. */
  refused(): { key: string; message: string }[] {
    return Object.entries(this.entries).flatMap(([key, entry]) =>
      entry.refused === null ? [] : [{ key, message: entry.refused }],
    );
  }

  private changed(): void {
    try {
      if (Object.keys(this.entries).length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(this.entries));
    } catch (_error) {
      // Storage full: the text stays in memory for this page's life.
    }
    for (const listener of this.listeners) listener();
  }
}

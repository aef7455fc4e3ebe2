import { z } from 'zod';
import { CommandSchema } from '@leshan/report-core';
import type { Command } from '@leshan/report-core';

/** Unsent changes as kept in localStorage: the revision they start from and the commands. */
export const StoredQueueSchema = z.object({
  baseRevision: z.int().min(0),
  commands: z.array(CommandSchema).min(1),
  savedAt: z.string(),
});
export type StoredQueue = z.infer<typeof StoredQueueSchema>;

const keyFor = (userId: string): string => `leshan-admin:unsent:${userId}`;

/**
 * Unsent changes survive a closed tab or a dead connection: they are written on every change
 * and read back at the next start. One queue per user, so a shared computer mixes nothing.
 */
export class QueueStorage {
  constructor(
    private readonly userId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  ) {}

  read(): StoredQueue | null {
    const raw = this.storage?.getItem(keyFor(this.userId));
    if (raw === null || raw === undefined) return null;
    try {
      const parsed = StoredQueueSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch (_error) {
      return null;
    }
  }

  write(baseRevision: number, commands: readonly Command[]): void {
    if (this.storage === null) return;
    if (commands.length === 0) {
      this.storage.removeItem(keyFor(this.userId));
      return;
    }
    const value: StoredQueue = {
      baseRevision,
      commands: [...commands],
      savedAt: new Date().toISOString(),
    };
    try {
      this.storage.setItem(keyFor(this.userId), JSON.stringify(value));
    } catch (_error) {
      // A full storage loses only the offline copy; the changes stay in memory and are still sent.
    }
  }
}

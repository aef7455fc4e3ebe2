import type { Response } from 'express';
import type { RevisionSummary, Store } from '@leshan/report-store';
import type { PresenceEvent, RevisionEvent } from '../api/draft.schemas.js';
import { PresenceEventSchema, RevisionEventSchema } from '../api/draft.schemas.js';
import { nameOf, userNames } from '../deps.js';

/** Limits of the live channel: open streams per account and in all, timings in ms. */
export const LIVE_LIMITS = {
  perAccount: 6,
  total: 200,
  heartbeatMs: 15_000,
  presenceTtlMs: 45_000,
  /**
   * SQLite: how often PRAGMA data_version is read while streams are open (revisions by other
   * processes). PostgreSQL needs no polling: LISTEN/NOTIFY (store.watchDraft).
   */
  pollMs: 250,
};

interface Stream {
  res: Response;
  userId: string;
  token: string;
}

interface Presence {
  userId: string;
  name: string;
  nodeId: string | null;
  clientId: string;
  expiresAt: number;
}

/**
 * Server-sent events of the draft: each new revision (from this process, or any other sharing
 * the database: store.watchDraft, LISTEN/NOTIFY on PostgreSQL, PRAGMA data_version on SQLite)
 * and who has which node open.
 * Streams are bounded per account and in all, and end when their session ends.
 */
export class DraftLive {
  private readonly streams = new Set<Stream>();
  private readonly presence = new Map<string, Presence>();
  private head: number | null = null;
  private unwatch: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private polling = false;
  private pollAgain = false;

  constructor(private readonly store: Store) {}

  /** Opens a stream for a signed-in caller; false when a limit is reached (the caller answers 429). */
  open(res: Response, userId: string, token: string): boolean {
    const mine = [...this.streams].filter((s) => s.userId === userId).length;
    if (mine >= LIVE_LIMITS.perAccount || this.streams.size >= LIVE_LIMITS.total) return false;
    const stream: Stream = { res, userId, token };
    this.streams.add(stream);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(': connected\n\n');
    this.send(stream, 'presence', this.presenceEvent());
    res.on('close', () => {
      this.streams.delete(stream);
      if (this.streams.size === 0) this.stop();
    });
    this.start();
    return true;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Ends every stream of a session (sign-out) at once. */
  closeSession(token: string): void {
    for (const s of this.streams) if (s.token === token) s.res.end();
  }

  /** Records where a tab is and tells every stream. */
  async setPresence(input: {
    userId: string;
    clientId: string;
    nodeId: string | null;
  }): Promise<PresenceEvent> {
    const names = await userNames(this.store);
    this.presence.set(input.clientId, {
      ...input,
      name: nameOf(names, input.userId) ?? input.userId,
      expiresAt: Date.now() + LIVE_LIMITS.presenceTtlMs,
    });
    const event = this.presenceEvent();
    this.broadcast('presence', event);
    return event;
  }

  presenceEvent(): PresenceEvent {
    const now = Date.now();
    for (const [id, p] of this.presence) if (p.expiresAt <= now) this.presence.delete(id);
    return PresenceEventSchema.parse({
      editors: [...this.presence.values()].map(({ userId, name, nodeId, clientId }) => ({
        userId,
        name,
        nodeId,
        clientId,
      })),
    });
  }

  /** Reads the head now (after a save here) instead of at the next poll. */
  nudge(): void {
    if (this.streams.size > 0) void this.poll();
  }

  private start(): void {
    if (this.unwatch !== undefined) return;
    this.unwatch = this.store.watchDraft(() => void this.poll(), { pollMs: LIVE_LIMITS.pollMs });
    this.heartbeat = setInterval(() => void this.beat(), LIVE_LIMITS.heartbeatMs);
    this.heartbeat.unref();
    void this.poll();
  }

  private stop(): void {
    void this.unwatch?.();
    clearInterval(this.heartbeat);
    this.unwatch = undefined;
    this.heartbeat = undefined;
    this.head = null;
  }

  // A comment line keeps proxies from closing the stream; a stream whose session ended closes.
  private async beat(): Promise<void> {
    for (const s of [...this.streams]) {
      const session = await this.store.getSession(s.token, { touch: false }).catch(() => null);
      if (session === null) s.res.end();
      else s.res.write(': heartbeat\n\n');
    }
    const before = this.presence.size;
    const event = this.presenceEvent();
    if (event.editors.length !== before) this.broadcast('presence', event);
  }

  private async poll(): Promise<void> {
    if (this.polling) {
      // A revision came while the head was being read: read it again after.
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    try {
      const head = await this.store.draftHead();
      if (head === null) return;
      if (this.head === null) {
        this.head = head;
        return;
      }
      if (head <= this.head) return;
      const since = await this.store.revisionsSince(this.head);
      this.head = head;
      const names = await userNames(this.store);
      for (const r of since) this.broadcast('revision', revisionEvent(r, names));
    } catch (_error) {
      // The database is away for a moment: the next poll tries again.
    } finally {
      this.polling = false;
      if (this.pollAgain) {
        this.pollAgain = false;
        void this.poll();
      }
    }
  }

  private broadcast(event: string, data: unknown): void {
    for (const s of this.streams) this.send(s, event, data);
  }

  private send(stream: Stream, event: string, data: unknown): void {
    stream.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

/** A revision as its SSE event: each phrase of its summary prefixed with its editor's name. */
export function revisionEvent(r: RevisionSummary, names: Map<string, string>): RevisionEvent {
  const authorName = nameOf(names, r.author);
  return RevisionEventSchema.parse({
    revision: r.number,
    author: r.author,
    authorName,
    at: r.createdAt,
    keys: r.keys,
    summary: (r.summary ?? []).map((phrase) => `${authorName ?? ''} ${phrase}`.trim()),
    clientId: r.clientId,
    clientSeq: r.clientSeq,
  });
}

const hubs = new WeakMap<Store, DraftLive>();

/** The one live channel of a store in this process. */
export function liveFor(store: Store): DraftLive {
  let hub = hubs.get(store);
  if (hub === undefined) hubs.set(store, (hub = new DraftLive(store)));
  return hub;
}

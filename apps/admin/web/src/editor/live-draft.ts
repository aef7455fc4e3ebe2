import { z } from 'zod';
import { PresenceEventSchema, RevisionEventSchema } from '../../../src/api/draft.schemas.js';
import type { Endpoints } from '../api/endpoints.js';
import type { DraftStore } from './draft-store.js';

/** What tabs of this browser tell each other. */
const TabMessageSchema = z.object({ type: z.literal('revision'), revision: z.int().min(0) });

export const EVENTS_URL = '/api/draft/events';
const CHANNEL = 'leshan-admin:draft';

/** What of an EventSource is used (a test passes its own). */
export interface EventSourceLike {
  readonly readyState: number;
  close(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}
type ChannelLike = Pick<BroadcastChannel, 'postMessage' | 'close'> & {
  onmessage: ((event: MessageEvent) => void) | null;
};

export interface LiveDraftOptions {
  store: DraftStore;
  api: Pick<Endpoints, 'draftHead' | 'presence'>;
  openEvents?: (() => EventSourceLike) | null;
  openChannel?: (() => ChannelLike) | null;
  pollMs?: number;
  presenceMs?: number;
  heartbeatMs?: number;
}

function parseData<S extends z.ZodType>(schema: S, event: Event): z.infer<S> | null {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(event.data));
    return parsed.success ? parsed.data : null;
  } catch (_error) {
    return null;
  }
}

/**
 * Keeps the draft live: others' revisions arrive by server-sent events (or, where the stream
 * is refused, by polling the head revision) and from this browser's other tabs by a
 * BroadcastChannel; this tab's open node is announced as presence every 20 s.
 */
export class LiveDraft {
  private events: EventSourceLike | null = null;
  private channel: ChannelLike | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private poller: ReturnType<typeof setInterval> | null = null;
  private lastNode: string | null | undefined = undefined;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: LiveDraftOptions) {}

  start(): void {
    const { store } = this.options;
    const openEvents =
      this.options.openEvents === undefined
        ? typeof EventSource === 'undefined'
          ? null
          : () => new EventSource(EVENTS_URL, { withCredentials: true })
        : this.options.openEvents;
    const openChannel =
      this.options.openChannel === undefined
        ? typeof BroadcastChannel === 'undefined'
          ? null
          : () => new BroadcastChannel(CHANNEL)
        : this.options.openChannel;
    if (openEvents === null) this.poll();
    else {
      const events = openEvents();
      this.events = events;
      events.addEventListener('revision', (event) => {
        const data = parseData(RevisionEventSchema, event);
        if (data !== null) void store.remoteRevision(data.revision);
      });
      events.addEventListener('presence', (event) => {
        const data = parseData(PresenceEventSchema, event);
        if (data !== null) store.setPresence(data.editors);
      });
      events.addEventListener('error', () => {
        // A stream the server refused, closed for good, or that the network keeps breaking (the
        // browser retries it, readyState 0) is backed by polling the head until it opens again.
        this.poll();
      });
      events.addEventListener('open', () => this.stopPolling());
    }
    if (openChannel !== null) {
      const channel = openChannel();
      this.channel = channel;
      channel.onmessage = (event: MessageEvent) => {
        const parsed = TabMessageSchema.safeParse(event.data);
        if (parsed.success) void store.remoteRevision(parsed.data.revision);
      };
    }
    this.unsubscribe = store.subscribe(() => {
      if (store.state.openNode !== this.lastNode) this.announce();
    });
    this.announce();
    this.timers.push(setInterval(() => this.announce(true), this.options.presenceMs ?? 20_000));
    this.timers.push(setInterval(() => store.heartbeat(), this.options.heartbeatMs ?? 10_000));
  }

  /** Another tab of this browser is told a revision landed. */
  saved(revision: number): void {
    this.channel?.postMessage({ type: 'revision', revision });
  }

  private announce(force = false): void {
    const { store, api } = this.options;
    const nodeId = store.state.openNode;
    if (!force && nodeId === this.lastNode) return;
    this.lastNode = nodeId;
    // Presence is a courtesy: a failed announcement is tried again with the next heartbeat.
    api.presence(store.tabId, nodeId).then(
      (answer) => store.setPresence(answer.editors),
      () => undefined,
    );
  }

  private poll(): void {
    if (this.poller !== null) return;
    const { store, api } = this.options;
    this.poller = setInterval(() => {
      api.draftHead().then(
        (head) => void store.remoteRevision(head.revision),
        () => undefined,
      );
    }, this.options.pollMs ?? 10_000);
  }

  private stopPolling(): void {
    if (this.poller !== null) clearInterval(this.poller);
    this.poller = null;
  }

  stop(): void {
    this.events?.close();
    this.channel?.close();
    this.stopPolling();
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.unsubscribe?.();
  }
}

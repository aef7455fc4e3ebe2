import { z } from 'zod';
import { tabIdOf, TAB_KEY } from './queue-storage.js';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const CLAIM_PREFIX = 'leshan-admin:tab-claim:';
/** A claim not refreshed for this long is a crashed page's (hidden tabs' timers run once a minute). */
export const CLAIM_FRESH_MS = 90_000;
const ClaimSchema = z.object({ page: z.string(), at: z.number() });

export interface TabIdentity {
  tabId: string;
  /** The id this tab was a copy of (a duplicated tab copies sessionStorage), or null. */
  copiedFrom: string | null;
  /** Says again that this page holds the id (every few seconds, and when the page is shown). */
  refresh(): void;
  /** Gives the id up as the page goes (reload or close), so its next load keeps it. */
  release(): void;
}

function readClaim(local: KeyValueStorage | null, tabId: string) {
  try {
    const parsed = ClaimSchema.safeParse(
      JSON.parse(local?.getItem(CLAIM_PREFIX + tabId) ?? 'null'),
    );
    return parsed.success ? parsed.data : null;
  } catch (_error) {
    return null;
  }
}

/**
 * This page's tab id, claimed in localStorage (issue 13 point 1): a duplicated browser tab
 * copies sessionStorage and with it the tab id, so when another open page still claims that id,
 * this one is a copy and takes an id of its own. A reload keeps its id: the page releases its
 * claim as it goes. `page` is unique to this page load.
 */
export function claimTabId(
  session: Pick<Storage, 'getItem' | 'setItem'> | null,
  local: KeyValueStorage | null,
  page: string,
  now: () => number = () => Date.now(),
): TabIdentity {
  let tabId = tabIdOf(session);
  let copiedFrom: string | null = null;
  const held = readClaim(local, tabId);
  if (held !== null && held.page !== page && now() - held.at < CLAIM_FRESH_MS) {
    copiedFrom = tabId;
    tabId = `tab-${crypto.randomUUID()}`;
    try {
      session?.setItem(TAB_KEY, tabId);
    } catch (_error) {
      // Without sessionStorage a reload is a new tab anyway.
    }
  }
  const write = () => {
    const current = readClaim(local, tabId);
    if (current !== null && current.page !== page && now() - current.at < CLAIM_FRESH_MS) return;
    try {
      local?.setItem(CLAIM_PREFIX + tabId, JSON.stringify({ page, at: now() }));
    } catch (_error) {
      // Storage full: a duplicate of this tab would not be told apart; nothing else is lost.
    }
  };
  write();
  return {
    tabId,
    copiedFrom,
    refresh: write,
    release: () => {
      if (readClaim(local, tabId)?.page === page) local?.removeItem(CLAIM_PREFIX + tabId);
    },
  };
}

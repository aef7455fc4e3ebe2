import { useSyncExternalStore } from 'react';

/** Phone widths, where the header's menus become one 更多 menu (the same width as nav.css's). */
export const NARROW_QUERY = '(max-width: 640px)';

const media = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;

function subscribe(listener: () => void): () => void {
  const list = media();
  list?.addEventListener('change', listener);
  return () => list?.removeEventListener('change', listener);
}

/** Whether the window is phone-wide now (false where matchMedia is missing, as in jsdom). */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}

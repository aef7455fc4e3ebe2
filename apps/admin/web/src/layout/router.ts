import { useSyncExternalStore } from 'react';

/** The screens of the workspace, as paths under /admin/. */
export const ROUTES = [
  'edit',
  'preview',
  'history',
  'departments',
  'oversight',
  'publish',
  'import',
  'sheet',
  'users',
  'audit',
  'review',
  'feedback',
  'account',
] as const;
export type Route = (typeof ROUTES)[number];

const BASE = '/admin/';

export function routeFromPath(pathname: string): Route {
  const rest = pathname.startsWith(BASE)
    ? pathname.slice(BASE.length)
    : pathname.replace(/^\//, '');
  const first = rest.split('/')[0] ?? '';
  return (ROUTES as readonly string[]).includes(first) ? (first as Route) : 'edit';
}

export const pathOf = (route: Route): string => (route === 'edit' ? BASE : `${BASE}${route}`);

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Moves to a screen without reloading (the server answers every /admin path with the app). */
export function navigate(route: Route): void {
  window.history.pushState(null, '', pathOf(route));
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeFromPath(window.location.pathname));
}

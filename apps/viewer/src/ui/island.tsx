import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** Islands a page asked to hydrate: id → { name, props }. Serialized into the page as JSON. */
export type IslandRegistry = Record<string, { name: string; props: unknown }>;

export const IslandContext = createContext<IslandRegistry | null>(null);

/**
 * Server side of partial hydration: renders `children` (the island's own output for `props`)
 * inside a marked element and records the props, so the browser bundle can hydrate just this
 * element with the same component and the same props.
 */
export function Island({
  name,
  props,
  children,
}: {
  name: string;
  props: unknown;
  children: ReactNode;
}) {
  const registry = useContext(IslandContext);
  const id = `island-${name}`;
  if (registry !== null) registry[id] = { name, props };
  return (
    <div id={id} data-island={name}>
      {children}
    </div>
  );
}

import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** Islands a page asked to hydrate: id → { name, props }. Serialized into the page as JSON. */
export type IslandRegistry = Record<string, { name: string; props: unknown }>;

/** Where the islands of the page being rendered are recorded (the context value itself stays unchanged). */
export interface IslandRecorder {
  record: (id: string, island: { name: string; props: unknown }) => void;
}

export const IslandContext = createContext<IslandRecorder | null>(null);

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
  const recorder = useContext(IslandContext);
  const id = `island-${name}`;
  recorder?.record(id, { name, props });
  return (
    <div id={id} data-island={name}>
      {children}
    </div>
  );
}

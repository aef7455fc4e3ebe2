import { hydrateRoot } from 'react-dom/client';
import { TargetsExplorer } from '../ui/islands/targets-explorer.js';
import type { TargetsProps } from '../ui/islands/targets-types.js';

export function hydrate(element: HTMLElement, props: unknown): void {
  hydrateRoot(element, <TargetsExplorer {...(props as TargetsProps)} />);
}

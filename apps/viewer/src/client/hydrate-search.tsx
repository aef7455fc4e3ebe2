import { hydrateRoot } from 'react-dom/client';
import { SearchExplorer } from '../ui/islands/search-explorer.js';
import type { SearchProps } from '../ui/islands/search-types.js';

export function hydrate(element: HTMLElement, props: unknown): void {
  hydrateRoot(element, <SearchExplorer {...(props as SearchProps)} />);
}

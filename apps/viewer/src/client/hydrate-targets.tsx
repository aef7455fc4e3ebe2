import { hydrateRoot } from 'react-dom/client';
import { TargetsExplorer } from '@leshan/report-views/targets';
import type { TargetsProps } from '@leshan/report-views/targets';

export function hydrate(element: HTMLElement, props: unknown): void {
  hydrateRoot(element, <TargetsExplorer {...(props as TargetsProps)} />);
}

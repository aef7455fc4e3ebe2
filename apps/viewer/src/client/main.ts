import '@vitejs/plugin-react/preamble';
// The only script a page links, and only on pages with islands. It reads the islands' props
// from <script type="application/json" id="island-data"> (no inline script: the CSP forbids
// it) and loads each island's code on demand, so React is fetched only where it is needed.
import './styles/index.css';

interface Hydrator {
  hydrate(element: HTMLElement, props: unknown): void;
}

const loaders: Record<string, () => Promise<Hydrator>> = {
  targets: () => import('./hydrate-targets.js'),
  search: () => import('./hydrate-search.js'),
};

function readIslandData(): Record<string, { name: string; props: unknown }> {
  const text = document.getElementById('island-data')?.textContent;
  if (text === undefined || text === null || text === '') return {};
  return JSON.parse(text) as Record<string, { name: string; props: unknown }>;
}

const islands = readIslandData();
for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const entry = islands[element.id];
  const load = loaders[element.dataset.island ?? ''];
  if (entry !== undefined && load !== undefined) {
    void load().then((module) => module.hydrate(element, entry.props));
  }
}

import { useEffect, useRef, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { navEntries } from './nav-items.js';
import type { NavEntry, NavItem } from './nav-items.js';
import { pathOf } from './router.js';
import type { Route } from './router.js';
import { useNarrow } from './use-narrow.js';

/**
 * 主导航, laid out from NAV_ITEMS (nav-items.ts): the ungrouped links, then one disclosure menu
 * per group (button with aria-expanded; Escape, a link chosen, a click or focus elsewhere close
 * it, Escape giving focus back to its button). On a phone the groups are one 更多 menu, each
 * group a headed list in it.
 */
export function MainNav({
  items,
  route,
  go,
}: {
  items: readonly NavItem[];
  route: Route;
  go: (event: MouseEvent, target: Route) => void;
}) {
  const narrow = useNarrow();
  const [open, setOpen] = useState<string | null>(null);
  const entries = navEntries(items);
  const links = entries.filter((e) => e.kind === 'link' && e.item.group === null);
  const grouped = entries.filter((e) => !links.includes(e));
  const link = (item: NavItem) => (
    <li key={item.route}>
      <a
        href={pathOf(item.route)}
        aria-current={item.route === route ? 'page' : undefined}
        onClick={(e) => {
          setOpen(null);
          go(e, item.route);
        }}
      >
        {item.label}
      </a>
    </li>
  );
  const holds = (entry: NavEntry) =>
    entry.kind === 'link' ? entry.item.route === route : entry.items.some((i) => i.route === route);
  const menu = (id: string, label: string, current: boolean, panel: ReactNode) => (
    <Disclosure
      key={id}
      id={`nav-menu-${id}`}
      label={label}
      current={current}
      open={open === id}
      onOpen={(on) => setOpen(on ? id : null)}
    >
      {panel}
    </Disclosure>
  );
  return (
    <nav aria-label="主导航" className={narrow ? 'main-nav narrow' : 'main-nav'}>
      <ul>
        {links.map((e) => (e.kind === 'link' ? link(e.item) : null))}
        {narrow && grouped.length > 0
          ? menu(
              'more',
              '更多',
              grouped.some(holds),
              grouped.map((e) =>
                e.kind === 'link' ? (
                  <ul key={e.item.route}>{link(e.item)}</ul>
                ) : (
                  <div key={e.id} className="nav-group">
                    <p className="nav-group-label" id={`nav-group-${e.id}`}>
                      {e.label}
                    </p>
                    <ul aria-labelledby={`nav-group-${e.id}`}>{e.items.map(link)}</ul>
                  </div>
                ),
              ),
            )
          : grouped.map((e) =>
              e.kind === 'link'
                ? link(e.item)
                : menu(e.id, e.label, holds(e), <ul>{e.items.map(link)}</ul>),
            )}
      </ul>
    </nav>
  );
}

function Disclosure({
  id,
  label,
  current,
  open,
  onOpen,
  children,
}: {
  id: string;
  label: string;
  current: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  children: ReactNode;
}) {
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // While open: a click anywhere else closes it; Escape closes it and gives focus to its button.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || root.current?.contains(event.target) !== true)
        onOpen(false);
    };
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open, onOpen]);
  return (
    <li
      ref={root}
      className="nav-menu"
      onBlur={(event) => {
        if (
          open &&
          !(event.relatedTarget instanceof Node && root.current?.contains(event.relatedTarget))
        )
          onOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        className={current ? 'nav-menu-button current' : 'nav-menu-button'}
        onClick={() => onOpen(!open)}
      >
        {label}
        <span aria-hidden="true" className="nav-caret">
          ▾
        </span>
      </button>
      <div id={id} className="nav-panel" data-nav-menu="" hidden={!open}>
        {children}
      </div>
    </li>
  );
}

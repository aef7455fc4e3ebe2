import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';

/**
 * On a phone or narrow tablet (≤ 800 px, styles.css) the editor's outline is a drawer: a button
 * opens it over the editing pane, choosing an item, the close button, the backdrop or Escape
 * closes it (issue 13 point 9: at 375 px the outline covered the pane). Wider, it stays beside
 * the pane and the button is hidden. The editor's own components are untouched: the drawer is
 * the `.outline` section they render, shown or hidden by the class set here.
 */
export function OutlineDrawer({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const root = toggle.current?.parentElement;
    root?.querySelector<HTMLElement>('.outline [role="treeitem"][tabindex="0"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // A click on an outline item chose it; a click on its twisty only opens or closes a branch
  // (the tree stops that event).
  const onClick = (event: MouseEvent) => {
    if (open && (event.target as Element).closest('.outline [role="treeitem"]') !== null)
      setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (open && event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    // Clicks and keys bubble up from the outline's own controls; this element handles none itself.
    <div
      className={open ? 'outline-drawer open' : 'outline-drawer'}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <button
        ref={toggle}
        id="outline-toggle"
        type="button"
        className="outline-toggle"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">☰ </span>报告大纲
      </button>
      {open ? (
        <>
          <div className="outline-backdrop" aria-hidden="true" onClick={close} />
          <button type="button" className="outline-close" onClick={close}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">关闭大纲</span>
          </button>
        </>
      ) : null}
      {children}
    </div>
  );
}

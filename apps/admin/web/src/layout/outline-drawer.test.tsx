import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { OutlineDrawer } from './outline-drawer.js';

function renderDrawer() {
  render(
    <OutlineDrawer>
      <section className="outline" aria-label="报告大纲">
        <ul role="tree">
          <li role="treeitem" aria-selected tabIndex={0}>
            第一章
            <span className="twisty" onClick={(e) => e.stopPropagation()}>
              ▾
            </span>
          </li>
        </ul>
      </section>
    </OutlineDrawer>,
  );
  return screen.getByRole('button', { name: '报告大纲' });
}

const isOpen = () => document.querySelector('.outline-drawer')?.classList.contains('open');

describe('OutlineDrawer (issue 13 point 9: the outline is a drawer on a phone)', () => {
  it('opens from its button with focus in the tree, and closes when an item is chosen', () => {
    const toggle = renderDrawer();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(isOpen()).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.getAttribute('role')).toBe('treeitem');
    fireEvent.click(screen.getByRole('treeitem'));
    expect(isOpen()).toBe(false);
  });

  it('stays open when a branch is only opened or closed', () => {
    fireEvent.click(renderDrawer());
    fireEvent.click(screen.getByText('▾'));
    expect(isOpen()).toBe(true);
  });

  it('closes on Escape and on its close button, giving focus back to the button', () => {
    const toggle = renderDrawer();
    fireEvent.click(toggle);
    fireEvent.keyDown(screen.getByRole('treeitem'), { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: '关闭大纲' }));
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { sampleDraft, sampleReport } from '../testing/sample-report.js';
import type { Conflict } from './conflict.js';
import { ConflictDialog } from './conflict-dialog.js';

function conflict(): Conflict {
  return {
    mine: [
      { type: 'measure.update', id: 'm26', patch: { text: '我的文字。' } },
      { type: 'measure.update', id: 'm24', patch: { text: '我的另一处文字。' } },
      { type: 'measure.update', id: 'm25', patch: { text: '被删除的举措，我的文字。' } },
    ],
    conflicting: [0, 2],
    commandNodes: { 0: ['m26'], 2: ['m25'] },
    myReport: sampleReport(),
    theirs: sampleDraft(7),
    nodes: [
      {
        id: 'm26',
        label: '第一章 · 产业发展 · “培育壮大储能…”',
        deleted: false,
        fields: ['text'],
        mine: {
          text: '我的文字。',
          tracking: { status: 'in-progress', progress: 30, updates: [] },
        },
        theirs: { text: '对方的文字。' },
        changedBy: ['李编辑'],
      },
      {
        id: 'm25',
        label: '第一章 · 产业发展 · “被删除的举措…”',
        deleted: true,
        fields: [],
        mine: { text: '被删除的举措，我的文字。' },
        theirs: null,
        changedBy: ['王编辑'],
      },
    ],
    error: null,
  };
}

describe('ConflictDialog', () => {
  it('issue 13: names nodes as editors do, never by id, with my unsent text under 我的版本', () => {
    render(<ConflictDialog conflict={conflict()} onResolve={vi.fn()} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).not.toMatch(/\bm2[56]\b/);
    const edited = screen.getByRole('group', { name: /培育壮大储能/ });
    expect(
      within(within(edited).getByRole('region', { name: '我的版本' })).getByText('我的文字。'),
    ).toBeTruthy();
    expect(
      within(within(edited).getByRole('region', { name: '对方的版本' })).getByText('对方的文字。'),
    ).toBeTruthy();
    // Only the conflicting field is compared: tracking did not conflict.
    expect(within(edited).queryByText(/进展记录/)).toBeNull();
    expect(within(edited).getByText(/李编辑 同时修改了此项/)).toBeTruthy();
    expect(edited.querySelector('.text-diff ins')?.textContent).toContain('我');
    expect(edited.querySelector('.text-diff del')?.textContent).toContain('对方');
    expect(screen.getByText(/另外 1 项没有冲突的修改会照常保存/)).toBeTruthy();
  });

  it('issue 13: a node someone deleted offers to restore it with my text or discard my change', () => {
    const resolve = vi.fn();
    render(<ConflictDialog conflict={conflict()} onResolve={resolve} />);
    const deleted = screen.getByRole('group', { name: /被删除的举措/ });
    expect(within(deleted).getByText(/王编辑 已删除此项/)).toBeTruthy();
    expect(within(deleted).getByRole('radio', { name: '恢复此项（保留我的文字）' })).toBeTruthy();
    fireEvent.click(within(deleted).getByRole('radio', { name: '放弃我的修改' }));
    fireEvent.click(screen.getByRole('button', { name: '按所选处理' }));
    expect(resolve).toHaveBeenLastCalledWith({ m26: 'mine', m25: 'theirs' });
    fireEvent.click(
      screen.getByRole('button', { name: /全部采用对方的版本（只放弃 2 项冲突的修改）/ }),
    );
    expect(resolve).toHaveBeenLastCalledWith({ m26: 'theirs', m25: 'theirs' });
  });

  it('names places, never their ids', () => {
    const c = conflict();
    const node = c.nodes[0];
    if (node === undefined) throw new Error('no node');
    c.nodes = [
      { ...node, fields: ['places'], mine: { places: ['wutongqiao'] }, theirs: { places: [] } },
    ];
    render(<ConflictDialog conflict={c} onResolve={vi.fn()} />);
    const mine = screen.getByRole('region', { name: '我的版本' });
    expect(mine.textContent).toContain('五通桥区');
    expect(mine.textContent).not.toContain('wutongqiao');
  });
});

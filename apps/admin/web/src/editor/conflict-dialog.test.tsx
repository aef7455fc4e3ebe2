import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { sampleDraft } from '../testing/sample-report.js';
import { ConflictDialog } from './conflict-dialog.js';

describe('ConflictDialog', () => {
  it('puts my version and theirs side by side and lets the editor choose', () => {
    const keep = vi.fn();
    const take = vi.fn();
    render(
      <ConflictDialog
        conflict={{
          mine: [{ type: 'measure.update', id: 'm26', patch: { text: '我的文字。' } }],
          theirs: sampleDraft(7),
          nodes: [
            {
              id: 'm26',
              kind: 'measure',
              mine: {
                text: '我的文字。',
                tracking: { status: 'in-progress', progress: 30, updates: [] },
              },
              theirs: { text: '对方的文字。' },
              changedBy: ['李编辑'],
            },
          ],
          error: null,
        }}
        onKeepMine={keep}
        onTakeTheirs={take}
      />,
    );
    expect(
      within(screen.getByRole('region', { name: '我的版本' })).getByText('我的文字。'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: '我的版本' })).getByText(
        '推进中，进度 30%，进展记录 0 条',
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: '对方的版本' })).getByText('对方的文字。'),
    ).toBeTruthy();
    expect(screen.getByText(/由 李编辑 修改/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保留我的版本' }));
    fireEvent.click(screen.getByRole('button', { name: /采用对方的版本/ }));
    expect(keep).toHaveBeenCalledOnce();
    expect(take).toHaveBeenCalledOnce();
  });
});

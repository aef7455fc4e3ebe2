import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FeedbackList } from '../api/endpoints.js';
import { renderInApp } from '../testing/render-app.js';
import { FeedbackScreen } from './feedback-screen.js';

type Item = FeedbackList['feedback'][number];

const item = (over: Partial<Item> = {}): Item => ({
  id: 'fb-1',
  editionNumber: 2,
  nodeId: 'm24',
  measureWords: '第一章 › 新建高速公路 210 公里……',
  measureInDraft: true,
  kind: 'correction',
  text: '实际已建成 95 公里。',
  contact: 'wang@example.org',
  status: 'open',
  answer: null,
  answeredBy: null,
  answeredAt: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  ...over,
});

describe('issue 19: 公众反馈 screen', () => {
  it('lists open feedback with the measure in words and records an editor’s answer', async () => {
    const feedback = vi.fn((status: string) =>
      Promise.resolve({ feedback: status === 'open' ? [item()] : [] }),
    );
    const answerFeedback = vi.fn(() => Promise.resolve({ feedback: item({ status: 'answered' }) }));
    const { announce } = await renderInApp(<FeedbackScreen />, {
      api: { feedback, answerFeedback },
    });
    const card = (await screen.findByText('实际已建成 95 公里。')).closest('li');
    if (card === null) throw new Error('no card');
    expect(within(card).getByRole('link', { name: /新建高速公路/ })).toBeTruthy();
    expect(within(card).getByText('纠错')).toBeTruthy();
    expect(within(card).getByText(/wang@example.org/)).toBeTruthy();
    const record = within(card).getByRole('button', { name: '记录答复' });
    expect((record as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(card).getByLabelText('答复或忽略理由'), {
      target: { value: '已核实，下一版更正。' },
    });
    fireEvent.click(record);
    await waitFor(() =>
      expect(answerFeedback).toHaveBeenCalledWith('fb-1', '已核实，下一版更正。'),
    );
    expect(announce).toHaveBeenCalledWith('已记录答复');
  });

  it('shows answered feedback under its filter with who and when', async () => {
    const feedback = vi.fn((status: string) =>
      Promise.resolve({
        feedback:
          status === 'answered'
            ? [
                item({
                  status: 'answered',
                  answer: '已更正。',
                  answeredBy: '王编辑',
                  answeredAt: '2026-03-02T08:00:00.000Z',
                }),
              ]
            : [],
      }),
    );
    await renderInApp(<FeedbackScreen />, { api: { feedback } });
    expect(await screen.findByText('没有待处理的反馈。')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('已答复'));
    expect(await screen.findByText(/王编辑/)).toBeTruthy();
    expect(screen.getByText(/：已更正。/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '记录答复' })).toBeNull();
    expect(feedback).toHaveBeenCalledWith('answered');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { diffReports, summarizeDiff } from '@leshan/report-core';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { sampleReport } from '../testing/sample-report.js';
import type { Comparison, HistoryEntry, RestoreNodeResult } from './history-endpoints.js';
import { HistoryScreen } from './history-screen.js';

const entry = (number: number, authorName: string, summary: string[]): HistoryEntry => ({
  number,
  first: number,
  author: authorName === '张编辑' ? 'u-zhang' : 'u-li',
  authorName,
  at: `2024-05-0${number}T02:00:00.000Z`,
  kind: 'edit',
  summary,
  nodeIds: ['m24'],
  keys: ['m24/text'],
  hash: 'h',
  commandCount: 1,
  createdAt: `2024-05-0${number}T02:00:00.000Z`,
  touched: ['m24'],
});
const ENTRIES = [
  entry(3, '李编辑', ['李编辑 修改了 第一章 · 做强绿色硅产业 · “推进五通桥区…” 的文字']),
  entry(2, '张编辑', ['张编辑 新增了进展（2024年5月2日）']),
  {
    ...entry(1, '张编辑', ['张编辑 修改了 第一章 · 做强绿色硅产业 · “推进五通桥区…” 的文字']),
    first: 1,
  },
];

function comparison(from: number, to: number): Comparison {
  const before = sampleReport();
  const after = sampleReport();
  const measure = after.chapters[0]?.sections[0]?.measures[0];
  if (measure !== undefined) measure.text = '推进五通桥区光伏产业基地建设。';
  const diff = diffReports(before, after);
  return {
    from,
    to,
    diff,
    summary: summarizeDiff(diff),
    labels: { m24: '第一章 · 做强绿色硅产业 · “推进五通桥区…”' },
  };
}

async function renderHistory(
  role: 'editor' | 'publisher' = 'editor',
  plan?: Omit<RestoreNodeResult, 'applied'>,
) {
  const history = vi.fn(() => Promise.resolve({ revisions: ENTRIES, nextBefore: null }));
  const compare = vi.fn((from: number, to: number) => Promise.resolve(comparison(from, to)));
  const restoreNode = vi.fn((_n: number, _id: string, dryRun: boolean) =>
    Promise.resolve({
      ...(plan ?? { commands: [{ type: 'measure.update' }], laterChangesByOthers: [] }),
      applied: dryRun ? null : { revision: 4, hash: 'h', touched: ['m24'], keys: ['m24/text'] },
    }),
  );
  const rendered = await renderInApp(<HistoryScreen />, {
    session: sampleSession(role),
    api: { history, compare, restoreNode },
  });
  await screen.findByText(ENTRIES[0]?.summary[0] ?? '');
  return { ...rendered, history, compare, restoreNode };
}

describe('HistoryScreen (issue 13 point 5)', () => {
  it('lists each revision with its summary in words and who made it, never an internal id', async () => {
    await renderHistory();
    const list = screen.getByRole('region', { name: '修订（最新在前）' });
    expect(within(list).getByText('张编辑 新增了进展（2024年5月2日）')).toBeTruthy();
    expect(within(list).getAllByText(/李编辑/).length).toBeGreaterThan(0);
    expect(list.textContent).not.toContain('m24');
  });

  it('names nodes in the node filter as editors do: 待补充标题 for an untitled section', async () => {
    await renderHistory();
    const options = [...screen.getByLabelText<HTMLSelectElement>('修改的内容').options].map(
      (o) => o.textContent,
    );
    expect(options).toContain('第二章\u3000（原文缺失标题）');
    expect(options).toContain('\u3000待补充标题');
    expect(options).toContain('\u3000\u3000“新建高速公路200公里。”');
  });

  it('filters by person, node and day (Asia/Shanghai) through the API', async () => {
    const { history } = await renderHistory();
    fireEvent.change(screen.getByLabelText('修改人'), { target: { value: 'u-li' } });
    fireEvent.change(screen.getByLabelText('修改的内容'), { target: { value: 's22' } });
    fireEvent.change(screen.getByLabelText('起始日期（北京时间）'), {
      target: { value: '2024-05-01' },
    });
    fireEvent.change(screen.getByLabelText('结束日期（北京时间）'), {
      target: { value: '2024-05-03' },
    });
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() =>
      expect(history).toHaveBeenLastCalledWith(
        { author: 'u-li', node: 's22', from: '2024-05-01', to: '2024-05-03' },
        30,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(history).toHaveBeenLastCalledWith({}, 30));
  });

  it('compares any two ticked revisions, naming nodes as editors do', async () => {
    const { compare } = await renderHistory();
    fireEvent.click(screen.getByRole('checkbox', { name: '选来比较：第 3 版' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选来比较：第 1 版' }));
    fireEvent.click(screen.getByRole('button', { name: '比较第 1 版与第 3 版' }));
    await waitFor(() => expect(compare).toHaveBeenCalledWith(1, 3));
    const pane = screen.getByRole('region', { name: '第 1 版与第 3 版的比较' });
    expect(
      await within(pane).findByText('第一章 · 做强绿色硅产业 · “推进五通桥区…” · 文字'),
    ).toBeTruthy();
    expect(pane.textContent).not.toContain('m24');
  });

  it('restores one node only after a dry run lists the later changes by others it reverts', async () => {
    const plan = {
      commands: [{ type: 'measure.update' }],
      laterChangesByOthers: [
        {
          number: 3,
          authorName: '李编辑',
          at: '2024-05-03T02:00:00.000Z',
          summary: ['李编辑 修改了 第一章 · 做强绿色硅产业 · “推进五通桥区…” 的文字'],
        },
      ],
    };
    const { restoreNode, store, announce } = await renderHistory('editor', plan);
    fireEvent.click(screen.getByRole('button', { name: '查看改动：第 2 版' }));
    fireEvent.click(
      await screen.findByRole('button', {
        name: '恢复为第 1 版：第一章 · 做强绿色硅产业 · “推进五通桥区…”',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: '只恢复一处' });
    expect(await within(dialog).findByText('这会撤销其他人之后的 1 次修改：')).toBeTruthy();
    expect(within(dialog).getByText(/李编辑 修改了/)).toBeTruthy();
    expect(restoreNode).toHaveBeenCalledWith(1, 'm24', true);
    const reload = vi.spyOn(store, 'reload').mockResolvedValue();
    fireEvent.click(within(dialog).getByRole('button', { name: '仍然恢复' }));
    await waitFor(() => expect(restoreNode).toHaveBeenLastCalledWith(1, 'm24', false, 3));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(announce).toHaveBeenCalledWith(
      '已将“第一章 · 做强绿色硅产业 · “推进五通桥区…””恢复为第 1 版时的样子',
    );
  });

  it('says when a node is already as it was, and offers no restore', async () => {
    await renderHistory('editor', { commands: [], laterChangesByOthers: [] });
    fireEvent.click(screen.getByRole('button', { name: '查看改动：第 3 版' }));
    fireEvent.click(await screen.findByRole('button', { name: /^恢复为第 2 版/ }));
    const dialog = screen.getByRole('dialog', { name: '只恢复一处' });
    expect(await within(dialog).findByText('这一处与第 2 版时相同，无需恢复。')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /恢复/ })).toBeNull();
  });

  it('keeps whole-draft restore for publishers and admins only', async () => {
    await renderHistory('editor');
    fireEvent.click(screen.getByRole('button', { name: '查看改动：第 2 版' }));
    await screen.findByText('第一章 · 做强绿色硅产业 · “推进五通桥区…” · 文字');
    expect(screen.queryByRole('button', { name: /将整个草稿恢复/ })).toBeNull();
  });

  it('offers publishers to restore the whole draft to a revision', async () => {
    await renderHistory('publisher');
    fireEvent.click(screen.getByRole('button', { name: '查看改动：第 2 版' }));
    expect(await screen.findByRole('button', { name: '将整个草稿恢复为第 2 版' })).toBeTruthy();
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { measureText, openMeasure, renderInApp } from '../testing/render-app.js';
import { EditorScreen } from './editor-screen.js';

describe('EditorScreen', () => {
  it('shows the outline as an ARIA tree with one tab stop', async () => {
    await renderInApp(<EditorScreen />);
    const items = screen.getAllByRole('treeitem');
    expect(items.filter((i) => i.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByRole('treeitem', { name: /第二章\s（原文缺失标题）/ })).toBeTruthy();
  });

  it('moves focus with the arrow keys and selection follows', async () => {
    await renderInApp(<EditorScreen />);
    const first = screen.getAllByRole('treeitem')[0];
    if (first === undefined) throw new Error('no items');
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const chapter = screen.getByRole('treeitem', { name: /第一章/ });
    expect(chapter.getAttribute('aria-selected')).toBe('true');
    expect(chapter.tabIndex).toBe(0);
    expect(document.activeElement).toBe(chapter);
  });

  it('saves a valid edit of a measure text as you type', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/培育壮大储能电池产业/);
    fireEvent.change(screen.getByLabelText('举措内容'), {
      target: { value: '培育壮大储能电池产业集群。' },
    });
    expect(measureText(store, 'm26')).toBe('培育壮大储能电池产业集群。');
    expect(store.state.saveState).toBe('pending');
  });

  it('shows a Chinese message beside the field and never applies an invalid change', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/推进五通桥区光伏产业基地/);
    const field = screen.getByLabelText('举措内容');
    fireEvent.change(field, { target: { value: '推进光伏产业基地建设。' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(
      field.getAttribute('aria-describedby')?.split(' ').pop() ?? '',
    );
    expect(message?.textContent).toContain('指标原文“40万吨”未出现在举措文字中');
    expect(measureText(store, 'm24')).toContain('40万吨');
    expect(store.state.unsent).toBe(0);
  });

  it('offers an indicator found in the text and adds it with one click', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/新建高速公路200公里/);
    const suggestions = screen.getByRole('heading', { name: '从文字中识别到的指标' }).parentElement;
    if (suggestions === null) throw new Error('no suggestions');
    fireEvent.click(within(suggestions).getByRole('button', { name: /采纳/ }));
    const measure = store.state.report?.chapters[1]?.sections[0]?.measures[0];
    expect(measure?.indicators.map((i) => [i.id, i.raw])).toEqual([['m42-t1', '200公里']]);
  });

  it('deletes a measure after confirmation and undoes it', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/培育壮大储能电池产业/);
    fireEvent.click(screen.getByRole('button', { name: '删除此举措' }));
    const dialog = screen.getByRole('dialog', { name: '确认删除' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    expect(measureText(store, 'm26')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: /^撤销/ }));
    expect(measureText(store, 'm26')).toBe('培育壮大储能电池产业。');
  });

  it('reorders with Alt+↓ in the tree', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    const measure = screen.getByRole('treeitem', { name: /推进五通桥区/ });
    fireEvent.keyDown(measure, { key: 'ArrowDown', altKey: true });
    expect(store.state.report?.chapters[0]?.sections[0]?.measures.map((m) => m.id)).toEqual([
      'm26',
      'm24',
    ]);
  });

  it('records progress and a dated update with an evidence link', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/培育壮大储能电池产业/);
    fireEvent.change(screen.getByLabelText('进度（%）'), { target: { value: '140' } });
    expect(screen.getByText('进度不能大于 100')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('进度（%）'), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText('进展说明'), {
      target: { value: '储能电池项目开工。' },
    });
    fireEvent.change(screen.getByLabelText('佐证链接（可选）'), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByRole('button', { name: '添加记录' }));
    expect(screen.getByText(/佐证链接必须是 http 或 https 网址/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('佐证链接（可选）'), {
      target: { value: 'https://www.leshan.gov.cn/news/1' },
    });
    fireEvent.click(screen.getByRole('button', { name: '添加记录' }));
    const tracking = store.state.report?.chapters[0]?.sections[0]?.measures[1]?.tracking;
    expect(tracking?.progress).toBe(40);
    expect(tracking?.updates.map((u) => [u.note, u.evidenceUrl])).toEqual([
      ['储能电池项目开工。', 'https://www.leshan.gov.cn/news/1'],
    ]);
  });
});

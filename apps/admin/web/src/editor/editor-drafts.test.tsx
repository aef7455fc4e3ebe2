import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { measureText, openMeasure, renderInApp } from '../testing/render-app.js';
import { EditorScreen } from './editor-screen.js';
import { SaveStatus } from './save-status.js';

const field = (label: string) => screen.getByLabelText<HTMLTextAreaElement>(label);

describe('issue 13: nothing typed is lost in the editor', () => {
  it('an unsubmitted progress note and note question survive selecting another measure', async () => {
    await renderInApp(<EditorScreen />);
    openMeasure(/培育壮大储能电池产业/);
    fireEvent.change(field('进展说明'), { target: { value: '储能项目已完成环评。' } });
    fireEvent.change(field('问题或理由'), {
      target: { value: '“储能电池”是否应写作“储能电站”？' },
    });
    openMeasure(/推进五通桥区光伏产业基地/);
    expect(field('进展说明').value).toBe('');
    openMeasure(/培育壮大储能电池产业/);
    expect(field('进展说明').value).toBe('储能项目已完成环评。');
    expect(field('问题或理由').value).toBe('“储能电池”是否应写作“储能电站”？');
  });

  it('a refused value stays in its field with its error, and the header does not say 已保存', async () => {
    const { store } = await renderInApp(
      <>
        <SaveStatus />
        <EditorScreen />
      </>,
    );
    openMeasure(/推进五通桥区光伏产业基地/);
    fireEvent.change(field('举措内容'), { target: { value: '推进光伏产业基地建设。' } });
    expect(screen.getByRole('status').textContent).toBe('有 1 处输入未被接受，请修改后再保存');
    openMeasure(/培育壮大储能电池产业/);
    openMeasure(/推进五通桥区光伏产业基地/);
    expect(field('举措内容').value).toBe('推进光伏产业基地建设。');
    expect(field('举措内容').getAttribute('aria-invalid')).toBe('true');
    expect(measureText(store, 'm24')).toContain('40万吨');
    expect(screen.getByRole('status').textContent).not.toContain('已保存');
  });

  it('nothing is applied or saved during IME composition; the composed text is applied at its end', async () => {
    const { store, sendCommands } = await renderInApp(<EditorScreen />);
    openMeasure(/培育壮大储能电池产业/);
    const text = field('举措内容');
    fireEvent.compositionStart(text);
    fireEvent.change(text, { target: { value: '培育壮大储能电池产业j' } });
    fireEvent.change(text, { target: { value: '培育壮大储能电池产业jiang' } });
    expect(text.value).toBe('培育壮大储能电池产业jiang');
    expect(measureText(store, 'm26')).toBe('培育壮大储能电池产业。');
    expect(store.state.unsent).toBe(0);
    await store.flush();
    expect(sendCommands).not.toHaveBeenCalled();
    fireEvent.change(text, { target: { value: '培育壮大储能电池产业集群' } });
    fireEvent.compositionEnd(text);
    expect(measureText(store, 'm26')).toBe('培育壮大储能电池产业集群');
    await store.flush();
    expect(sendCommands).toHaveBeenCalledOnce();
    expect(JSON.stringify(sendCommands.mock.calls)).not.toContain('jiang');
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { DraftStore } from '../editor/draft-store.js';
import { EditorScreen } from '../editor/editor-screen.js';
import { openMeasure, renderInApp } from '../testing/render-app.js';
import { DepartmentsScreen } from './departments-screen.js';

const typeInto = (scope: HTMLElement, label: string | RegExp, value: string) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const m24 = (store: DraftStore) =>
  store.state.report?.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === 'm24');

async function withBureau() {
  const app = await renderInApp(<DepartmentsScreen />);
  const form = screen.getByRole('form', { name: '添加单位' });
  typeInto(form, '新单位名称', '交通运输局');
  fireEvent.click(within(form).getByRole('button', { name: '添加单位' }));
  return app;
}

describe('issue 18: the department list', () => {
  it('refuses an empty name at its field in Chinese and adds nothing', async () => {
    const { store } = await renderInApp(<DepartmentsScreen />);
    const form = screen.getByRole('form', { name: '添加单位' });
    typeInto(form, '新单位名称', '   ');
    fireEvent.click(within(form).getByRole('button', { name: '添加单位' }));
    expect(within(form).getByRole('alert').textContent).toContain('单位名称不能为空');
    expect(store.state.report?.departments).toBeUndefined();
  });

  it('adds a department with department.add and empties the form', async () => {
    const { store } = await withBureau();
    expect(store.state.report?.departments?.map((d) => d.name)).toEqual(['交通运输局']);
    expect(screen.getByLabelText<HTMLInputElement>('新单位名称').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('单位名称').value).toBe('交通运输局');
  });

  it('refuses a name already listed at its field, with report-core’s words', async () => {
    const { store } = await withBureau();
    const form = screen.getByRole('form', { name: '添加单位' });
    typeInto(form, '新单位名称', '交通运输局');
    fireEvent.click(within(form).getByRole('button', { name: '添加单位' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/交通运输局/);
    expect(screen.getByLabelText<HTMLInputElement>('新单位名称').value).toBe('交通运输局');
    expect(store.state.report?.departments).toHaveLength(1);
  });

  it('shows report-core’s refusal when a measure still names the department', async () => {
    const { store } = await withBureau();
    const id = store.state.report?.departments?.[0]?.id ?? '';
    store.apply(
      [
        {
          type: 'responsibility.set',
          measureId: 'm24',
          responsibility: { lead: id, co: [], deadline: null, milestones: [] },
        },
      ],
      '指定牵头单位',
    );
    fireEvent.click(screen.getByRole('button', { name: /删除\s*单位“交通运输局”/ }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: '删除单位' })).getByRole('button', {
        name: '删除',
      }),
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      /仍是举措“推进五通桥区光伏产业基地…”的牵头或责任单位，不能删除/,
    );
    expect(store.state.report?.departments).toHaveLength(1);
  });
});

describe('issue 18: a measure’s responsibility and a target’s actual values', () => {
  it('sets the lead with responsibility.set and leaves no empty responsibility behind', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    store.apply(
      [{ type: 'department.add', department: { id: 'dept-jt', name: '交通运输局' } }],
      '添加单位',
    );
    openMeasure(/推进五通桥区光伏产业基地/);
    const panel = screen.getByRole('region', { name: '责任与时限' });
    fireEvent.change(within(panel).getByLabelText('牵头单位'), { target: { value: 'dept-jt' } });
    expect(m24(store)?.responsibility).toEqual({
      lead: 'dept-jt',
      co: [],
      deadline: null,
      milestones: [],
    });
    fireEvent.change(within(panel).getByLabelText('牵头单位'), { target: { value: '' } });
    expect(m24(store)).not.toHaveProperty('responsibility');
  });

  it('adds yearly milestones in year order, refusing a year that is not four digits', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/推进五通桥区光伏产业基地/);
    const panel = screen.getByRole('region', { name: '责任与时限' });
    typeInto(panel, '完成时限', '2026-06-30');
    const form = within(panel).getByRole('form', { name: '添加年度节点' });
    const add = (year: string, text: string) => {
      typeInto(form, '年份', year);
      typeInto(form, '节点内容', text);
      fireEvent.click(within(form).getByRole('button', { name: '添加节点' }));
    };
    add('20x5', '一期投产');
    expect(within(form).getByRole('alert').textContent).toContain('年份应为四位数字');
    add('2025', '二期投产');
    add('2023', '一期投产');
    expect(m24(store)?.responsibility).toMatchObject({
      deadline: '2026-06-30',
      milestones: [
        { year: 2023, text: '一期投产', done: false },
        { year: 2025, text: '二期投产', done: false },
      ],
    });
  });

  it('records an observation checked by ObservationSchema, errors in Chinese at the field', async () => {
    const { store } = await renderInApp(<EditorScreen />);
    openMeasure(/推进五通桥区光伏产业基地/);
    expect(screen.getByText(/未报告/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /编辑\s*指标“多晶硅产能”/ }));
    const form = screen.getByRole('form', { name: '添加实际值' });
    typeInto(form, '截至日期', '2024-12-31');
    typeInto(form, /实际值/, '300000');
    typeInto(form, '来源名称', '五通桥区统计公报');
    typeInto(form, '来源链接（可选）', 'ftp://example.cn/a');
    fireEvent.click(within(form).getByRole('button', { name: '添加实际值' }));
    expect(within(form).getByRole('alert').textContent).toContain('http 或 https');
    expect(m24(store)?.indicators[0]?.observations).toBeUndefined();
    typeInto(form, '来源链接（可选）', '');
    fireEvent.click(within(form).getByRole('button', { name: '添加实际值' }));
    expect(m24(store)?.indicators[0]?.observations).toMatchObject([
      { date: '2024-12-31', value: 300000, source: { title: '五通桥区统计公报' } },
    ]);
    expect(document.querySelector('.observation-line')?.textContent).toMatch(/截至 2024-12-31/);
    expect(document.querySelector('.attainment')?.textContent).toMatch(/75%/);
  });
});

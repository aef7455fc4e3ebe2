import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Measure } from '@leshan/report-core';
import type { Endpoints } from '../api/endpoints.js';
import { sampleReport } from '../testing/sample-report.js';
import { sampleSession } from '../testing/render-app.js';
import { ReporterScreen } from './reporter-screen.js';

/** m24 with an increment target (新建高速公路) and a level target (多晶硅产能). */
function measure(): Measure {
  const m24 = sampleReport().chapters[0]?.sections[0]?.measures[0];
  if (m24 === undefined) throw new Error('test setup: the sample report has no m24');
  const level = m24.indicators[0];
  if (level === undefined) throw new Error('test setup: m24 has no target');
  return {
    ...m24,
    indicators: [
      {
        ...level,
        id: 'm24-t0',
        metric: '新建高速公路',
        value: 210,
        unit: '公里',
        raw: '210公里',
        kind: 'increment',
      },
      { ...level, kind: 'level' },
    ],
  };
}

async function renderReporter() {
  const submit = vi.fn(() => Promise.resolve({}));
  const api = {
    reporterMeasures: vi.fn(() =>
      Promise.resolve({
        departments: [{ id: 'dept-jt', name: '交通运输局' }],
        measures: [measure()],
      }),
    ),
    ownSubmissions: vi.fn(() => Promise.resolve({ submissions: [] })),
    submit,
  } as unknown as Endpoints;
  render(<ReporterScreen api={api} session={sampleSession('reporter')} signOut={vi.fn()} />);
  const form = await screen.findByRole('form', { name: /^报送：/ });
  return { form, submit };
}

const typeInto = (scope: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

describe('issue 18: the reporter’s 累计/当年 choice', () => {
  it('offers 口径 for an increment target and sends an annual value as basis annual', async () => {
    const { form, submit } = await renderReporter();
    const basis = within(form).getByLabelText<HTMLSelectElement>('口径');
    expect([...basis.options].map((o) => o.text)).toEqual(['累计（自规划期初起）', '当年']);
    fireEvent.change(basis, { target: { value: 'annual' } });
    fireEvent.change(within(form).getByRole('textbox', { name: '实际值' }), {
      target: { value: '40' },
    });
    typeInto(form, '截至日期', '2024-12-31');
    typeInto(form, '来源名称', '2024年统计公报');
    fireEvent.click(within(form).getByRole('button', { name: '提交审核' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledWith(
      expect.objectContaining({
        indicatorId: 'm24-t0',
        observation: expect.objectContaining({ value: 40, basis: 'annual' }) as unknown,
      }),
    );
  });

  it('sends a cumulative value without a basis, and offers no 口径 for a level target', async () => {
    const { form, submit } = await renderReporter();
    fireEvent.change(within(form).getByRole('textbox', { name: '实际值' }), {
      target: { value: '90' },
    });
    typeInto(form, '截至日期', '2024-12-31');
    typeInto(form, '来源名称', '2024年统计公报');
    fireEvent.click(within(form).getByRole('button', { name: '提交审核' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const [body] = submit.mock.calls[0] as unknown as [{ observation: object }];
    expect(body.observation).not.toHaveProperty('basis');
    typeInto(form, '目标', 'm24-t1');
    expect(within(form).queryByLabelText('口径')).toBeNull();
  });
});

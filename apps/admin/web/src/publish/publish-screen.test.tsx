import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DiffNodeKindSchema } from '@leshan/report-core';
import type { EditionMeta } from '../../../src/api/editions.schemas.js';
import type { EditionExports, PublishChecklist } from '../api/endpoints.js';
import { renderInApp, sampleSession } from '../testing/render-app.js';
import { sampleDraft, sampleReport } from '../testing/sample-report.js';
import { PublishScreen } from './publish-screen.js';

const none = { added: 0, removed: 0, moved: 0, edited: 0 };
const counts = {
  ...Object.fromEntries(DiffNodeKindSchema.options.map((k) => [k, none])),
  measure: { ...none, edited: 1 },
} as Record<(typeof DiffNodeKindSchema.options)[number], typeof none>;
const summary = {
  counts,
  tracking: 1,
  total: 2,
  message: { zh: '修改举措 1 项，落实情况 1 项', en: '1 measure edited' },
  text: '',
};
const edition: EditionMeta = {
  id: 'ed-2',
  number: 2,
  hash: 'c'.repeat(64),
  publishedAt: '2024-05-02T08:00:00.000Z',
  publishedBy: '王发布',
  fromRevision: 3,
  changeSummary: summary,
};
const checklist: PublishChecklist = {
  revision: 3,
  valid: true,
  issues: [],
  openNotes: [],
  changeSummary: summary,
  latestEdition: { ...edition, id: 'ed-1', number: 1, changeSummary: null },
};

describe('PublishScreen', () => {
  it('shows the checklist, publishes the reviewed revision, then polls the exports until the files are ready', async () => {
    const running: EditionExports = {
      jobs: [
        {
          id: 'j1',
          editionId: 'ed-2',
          format: 'pdf',
          state: 'running',
          attempts: 1,
          maxAttempts: 5,
          error: null,
          updatedAt: '',
        },
      ],
      artifacts: [],
    };
    const done: EditionExports = {
      jobs: [
        {
          id: 'j1',
          editionId: 'ed-2',
          format: 'pdf',
          state: 'done',
          attempts: 1,
          maxAttempts: 5,
          error: null,
          updatedAt: '',
        },
      ],
      artifacts: [
        {
          id: 'a1',
          editionId: 'ed-2',
          format: 'pdf',
          fileName: 'leshan-2.pdf',
          mediaType: 'application/pdf',
          size: 204800,
          sha256: 'd'.repeat(64),
          createdAt: '',
          url: '/downloads/leshan-2.pdf',
        },
      ],
    };
    const publish = vi.fn(() => Promise.resolve({ edition }));
    const exports = vi.fn().mockResolvedValueOnce(running).mockResolvedValue(done);
    const editions = vi
      .fn()
      .mockResolvedValueOnce({ editions: [] })
      .mockResolvedValue({ editions: [edition] });
    await renderInApp(<PublishScreen />, {
      session: sampleSession('publisher'),
      api: { checklist: vi.fn(() => Promise.resolve(checklist)), editions, publish, exports },
    });
    expect(await screen.findByText('数据校验通过')).toBeTruthy();
    expect(screen.getByText(/自第 1 版.*修改举措 1 项/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '发布新版本' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: '确认发布' })).getByRole('button', {
        name: '发布',
      }),
    );
    await waitFor(() => expect(publish).toHaveBeenCalledWith(3));
    const link = await screen.findByRole('link', { name: 'leshan-2.pdf' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/downloads/leshan-2.pdf');
    expect(exports.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('导出已结束。')).toBeTruthy();
    // Issue 13 point 8: formats by their Chinese names.
    expect(screen.getByText(/^PDF 文档 · 200.0 KB/)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: '已发布的版本' })).getByText(
        '修改举措 1 项，落实情况 1 项',
      ),
    ).toBeTruthy();
  });

  it('does not offer publishing while validation fails', async () => {
    const invalid = {
      ...checklist,
      valid: false,
      issues: [
        {
          path: 'chapters.0.title',
          pathSegments: ['chapters', 0, 'title'],
          message: { zh: '标题不能为空', en: 'empty' },
        },
      ],
    };
    await renderInApp(<PublishScreen />, {
      session: sampleSession('publisher'),
      api: {
        checklist: vi.fn(() => Promise.resolve(invalid)),
        editions: vi.fn(() => Promise.resolve({ editions: [] })),
      },
    });
    expect(await screen.findByText(/数据校验未通过：1 处问题/)).toBeTruthy();
    // Issue 13 point 8: where, in words, not chapters.0.title.
    expect(
      screen.getByText('第一章 · 坚持工业强市，加快建设现代产业体系：标题不能为空'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '发布新版本' }).hasAttribute('disabled')).toBe(true);
  });

  it('issue 13 point 8: warns of empty sections and half-width punctuation, naming each place in words', async () => {
    const report = sampleReport();
    const chapter = report.chapters[0];
    const measure = chapter?.sections[0]?.measures[1];
    if (chapter === undefined || measure === undefined) throw new Error('sample report changed');
    chapter.sections.push({ id: 's90', title: null, measures: [] });
    measure.text = '培育壮大储能电池产业,建设储能基地。';
    await renderInApp(<PublishScreen />, {
      session: sampleSession('publisher'),
      draft: sampleDraft(3, report),
      api: {
        checklist: vi.fn(() => Promise.resolve(checklist)),
        editions: vi.fn(() => Promise.resolve({ editions: [] })),
      },
    });
    expect(await screen.findByText(/2 处需要留意/)).toBeTruthy();
    expect(screen.getByText(/^第一章 · 待补充标题：这一节没有任何举措/)).toBeTruthy();
    expect(
      screen.getByText(
        /^第一章 · 做强绿色硅产业 · “培育壮大储能电池产业,建…”：中文里用了半角标点 ,/,
      ),
    ).toBeTruthy();
    // Warnings do not stop a publish.
    expect(screen.getByRole('button', { name: '发布新版本' }).hasAttribute('disabled')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { CommandSchema } from '@leshan/report-core';
import {
  draftViaApi,
  headerState,
  measureOf,
  openMeasure,
  screenshotsAt,
  typeWithIme,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';

// Issue 13 point 4: "…园区jiang。" became revision 26 — pinyin was autosaved mid-composition.
const MEASURE = 'm42';
const MEASURE_START = '将乐山港升级改造为成都港';

const editors = editorsForThisFile();

/** Every text the measure was given in any revision, and in any request sent. */
async function textsWritten(): Promise<string[]> {
  const revisions = await editors().admin.store.revisionsSince(0);
  return revisions.flatMap((r) =>
    r.commands.flatMap((recorded) => {
      const c = CommandSchema.safeParse(recorded);
      return c.success && c.data.type === 'measure.update' && c.data.id === MEASURE
        ? [c.data.patch.text ?? '']
        : [];
    }),
  );
}

describe('issue 13 point 4: Chinese input', () => {
  it('saves nothing while an IME composition is open, and saves the characters once committed', async () => {
    const [a, b] = editors().tabs;
    const base = editors().admin.baseUrl;
    const before = measureOf((await draftViaApi(a.page, base)).report, MEASURE)?.text ?? '';
    const sent: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/draft/commands'))
        sent.push(request.postData() ?? '');
    };
    a.page.on('request', record);
    // Another editor has the same measure open: nothing half-typed may reach them either.
    await openMeasure(b.page, MEASURE_START);
    const field = await openMeasure(a.page, MEASURE_START);
    // Each syllable is held 1.5 s, longer than any autosave pause, before it is committed.
    await typeWithIme(
      a.page,
      field,
      [
        ['jiang', '江'],
        ['kou', '口'],
      ],
      1_500,
    );
    await waitSaved(a.page);
    a.page.off('request', record);

    const after = measureOf((await draftViaApi(a.page, base)).report, MEASURE)?.text;
    expect(after).toBe(`${before}江口`);
    expect(sent.length).toBeGreaterThan(0);
    expect(await textsWritten()).not.toContainEqual(expect.stringMatching(/[a-z]/));
    expect((await headerState(a.page)).text).toMatch(/^已保存/);
  });

  it('shows the half-typed pinyin in the field without marking the header saved over it', async () => {
    const [a] = editors().tabs;
    const field = a.page.getByLabel('举措内容');
    await field.focus();
    await a.page.keyboard.press('End');
    const cdp = await a.context.newCDPSession(a.page);
    await cdp.send('Input.imeSetComposition', { text: 'gang', selectionStart: 4, selectionEnd: 4 });
    // Well past the autosave pause: the draft on the server still has no pinyin.
    await a.page.waitForTimeout(2_000);
    const server = measureOf(
      (await draftViaApi(a.page, editors().admin.baseUrl)).report,
      MEASURE,
    )?.text;
    expect(server).not.toContain('gang');
    await screenshotsAt(a.page, 'ime-composing');
    await cdp.send('Input.insertText', { text: '港' });
    await cdp.detach();
    await waitSaved(a.page);
    expect(
      measureOf((await draftViaApi(a.page, editors().admin.baseUrl)).report, MEASURE)?.text,
    ).toMatch(/江口港$/);
  });

  itCausedNoProblems(editors);
});

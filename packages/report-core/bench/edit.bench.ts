import fc from 'fast-check';
import type { ReadonlyReport } from '../src/model/readonly.js';
import { canonicalReport, editableCopy } from '../src/data/index.js';
import { applyCommand, applyCommands } from '../src/edit/apply-command.js';
import type { Command } from '../src/edit/command-schema.js';
import { diffReports } from '../src/edit/diff-reports.js';
import { diffText } from '../src/edit/diff-text.js';
import { randomCommand } from '../src/edit/random-command.fixture.js';
import type { BenchRow } from '@leshan/bench';
import { time } from '@leshan/bench';

/** 1000 valid commands on the canonical report, from a fixed seed, and the report after them. */
function commandSequence(): { commands: Command[]; final: ReadonlyReport } {
  const choices = fc.sample(
    fc.record({ op: fc.nat(200), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000) }),
    { numRuns: 1000, seed: 42 },
  );
  const commands: Command[] = [];
  let report: ReadonlyReport = canonicalReport;
  choices.forEach((choice, n) => {
    const command = randomCommand(report, choice, n);
    const result = applyCommand(report, command);
    if (!result.ok) throw new Error(`bench command ${n} refused: ${result.error.message.en}`);
    commands.push(command);
    report = result.value.report;
  });
  return { commands, final: report };
}

export async function bench(): Promise<BenchRow[]> {
  const { commands, final } = commandSequence();
  const first = canonicalReport.chapters[0]?.sections[0]?.measures[0];
  const edited = first
    ? applyCommand(canonicalReport, {
        type: 'measure.update',
        id: first.id,
        patch: { text: `${first.text}（修订）` },
      })
    : undefined;
  const oneEdit = edited?.ok ? edited.value.report : canonicalReport;
  const longA = canonicalReport.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures.map((m) => m.text)))
    .join('');
  const longB = final.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures.map((m) => m.text)))
    .join('');
  const rows: BenchRow[] = [
    {
      name: 'edit: diffReports canonical vs identical copy (median)',
      value: time(() => diffReports(canonicalReport, editableCopy(canonicalReport)), {
        runs: 50,
      }).median,
      unit: 'ms',
    },
    {
      name: 'edit: diffReports canonical vs one measure edited (median)',
      value: time(() => diffReports(canonicalReport, oneEdit), { runs: 50 }).median,
      unit: 'ms',
    },
    {
      name: 'edit: diffReports canonical vs after 1000 commands (median)',
      value: time(() => diffReports(canonicalReport, final), { runs: 20 }).median,
      unit: 'ms',
    },
    {
      name: `edit: diffText all measure texts (${Array.from(longA).length} chars, median)`,
      value: time(() => diffText(longA, longB), { runs: 10 }).median,
      unit: 'ms',
    },
    {
      name: 'edit: applyCommand one measure.update on canonical (median)',
      value: time(
        () =>
          applyCommand(canonicalReport, {
            type: 'measure.update',
            id: first?.id ?? 'm38',
            patch: { places: [] },
          }),
        { runs: 200 },
      ).median,
      unit: 'ms',
    },
    {
      name: 'edit: 1000 applyCommand calls, each validated (median)',
      value: time(
        () =>
          commands.reduce((r, c) => {
            const x = applyCommand(r, c);
            return x.ok ? x.value.report : r;
          }, canonicalReport),
        { runs: 3, warmup: 1 },
      ).median,
      unit: 'ms',
    },
    {
      name: 'edit: applyCommands batch of 1000, validated once (median)',
      value: time(() => applyCommands(canonicalReport, commands), { runs: 5, warmup: 1 }).median,
      unit: 'ms',
    },
  ];
  return Promise.resolve(rows);
}

import type { PartFigures } from '../reliability/lib/figures.js';
import { missing, msCell, table } from './markdown-table.js';

/** Issue 12: the system keeps itself up, and serves what was published (reliability/integrity.test.ts). */
export function integritySection(f: PartFigures<'integrity'>): string[] {
  const out = [
    '',
    '## Integrity and self-repair',
    '',
    'One system under `pnpm start` (the built start script). Each process is killed with `kill -9` in turn: the others must keep answering and the start script must have it back, answering, within 10 s. ' +
      'Then: the admin kills itself (`kill -9`, a fault point the suite arms) inside its publishing transaction, after the edition’s INSERT and before its jobs’: neither may be left, and the edition published again must get every file; an edition left without export jobs (an older release’s crash between publishing and queuing) must get every file; a corrupted (same size), a deleted, an unreadable (a folder in its place) and a vanished (its folder removed) export file must be made again by the worker’s reconcile loop; floods of HEAD, conditional, Range and aborted downloads; 500 more editions; a tampered edition row (refused by the triggers; forced past them, the viewer must answer 503). ' +
      'Around each phase every process’s open descriptors and resident memory are read from /proc: after it they must be within 16 descriptors and 128 MB of before.',
    '',
  ];
  out.push(
    f.kills === undefined
      ? missing('the kill -9 phase')
      : table(
          ['killed', 'others answered meanwhile', 'kill → back'],
          f.kills.map((k) => [k.app, k.othersAnsweredDuringOutage, msCell(k.killToBackMs)]),
        ),
    '',
  );
  const ms = (v: number | null | undefined): string => (v == null ? '—' : msCell(v));
  out.push(
    table(
      ['phase', 'figure'],
      [
        ['admin killed mid-publish → published again, all its files', ms(f.publishKillToFilesMs)],
        ['edition without jobs → all its files', ms(f.publishCrashToFilesMs)],
        [`files broken (${f.brokenFiles ?? '—'}) → all whole`, ms(f.brokenToWholeMs)],
        [
          'flood requests',
          f.floodRequests === undefined
            ? '—'
            : Object.entries(f.floodRequests)
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
        ],
        [`editions in the store`, f.editions ?? '—'],
        ['writing 500 editions', ms(f.publishEditionsMs)],
        ['home page after them', ms(f.homeAfterEditionsMs)],
        ['first reconcile pass after them', ms(f.firstReconcileAfterEditionsMs)],
        ['tampering paths refused by the triggers', f.tamperPathsRefused ?? '—'],
        ['viewer status for a forced tampered edition', f.tamperedViewerStatus ?? '—'],
      ],
    ),
    '',
  );
  out.push(
    f.resources === undefined
      ? missing('the resource watch')
      : table(
          ['phase', 'process', 'descriptors before → after', 'RSS MB before → after'],
          f.resources.map((r) => [
            r.phase,
            r.app,
            `${r.fdsBefore} → ${r.fdsAfter}`,
            `${r.rssMbBefore} → ${r.rssMbAfter}`,
          ]),
        ),
  );
  return out;
}

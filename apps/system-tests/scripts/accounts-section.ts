import type { AccountAttackFigures, PartFigures } from '../reliability/lib/figures.js';
import { missing, msCell, num, table } from './markdown-table.js';

type Row = [string, (f: AccountAttackFigures) => string | number | boolean];

// Each attack with what got through: the figure, then the rule it is held to.
const ROWS: Row[] = [
  ['guesses at one account from one address, sent at once', (f) => f.burstGuesses],
  ['… evaluated (limit per account+address)', (f) => `${f.burstEvaluated} (≤ ${f.burstLimit})`],
  ['guesses at as many accounts from one address, at once', (f) => f.addressBurstGuesses],
  [
    '… evaluated (limit per address)',
    (f) => `${f.addressBurstEvaluated} (≤ ${f.sprayAddressLimit})`,
  ],
  [
    'guesses at one account from many addresses, at once',
    (f) => `${f.accountBurstGuesses} from ${f.accountBurstAddresses}`,
  ],
  [
    '… evaluated (free attempts per account, then one per 1 s, 2 s, 4 s… delay)',
    (f) =>
      `${f.accountBurstEvaluated} in ${msCell(f.accountBurstMs)} (≤ ${f.accountFreeAttempts} + ${Math.floor(Math.log2(f.accountBurstMs / 1000 + 1))})`,
  ],
  [
    'spray: guesses at other accounts, each after a sign-in of its own',
    (f) => `${f.sprayGuesses}, ${f.sprayInterleavedSuccesses} sign-ins`,
  ],
  ['… evaluated (limit per address)', (f) => `${f.sprayEvaluated} (≤ ${f.sprayAddressLimit})`],
  ['lockout: guesses at the admin from the attacker’s address', (f) => f.ownerLockoutGuesses],
  ['… the admin signed in from another address', (f) => f.ownerSignedInFromOtherAddress],
  ['… after waiting', (f) => msCell(f.ownerWaitMs)],
  [
    'rounds of two admins demoting / removing each other at once',
    (f) => `${f.concurrentDemotionRounds} / ${f.concurrentDeletionRounds}`,
  ],
  ['… rounds that left no active admin', (f) => f.roundsLeavingNoAdmin],
  ['password resets racing a sign-in with the old password', (f) => f.resetRaceRounds],
  ['… sessions of the old password still alive', (f) => f.oldPasswordSessionsAlive],
  ['sign-ins of one user in bursts of 8', (f) => `${f.sessionBurstSignIns} (cap ${f.sessionCap})`],
  ['… sessions alive afterwards', (f) => f.sessionsAliveAfterBurst],
  [
    'large and deeply nested bodies sent to sign-in at once',
    (f) =>
      `${f.hostileBodies}, answered ${Object.entries(f.hostileBodyStatuses)
        .map(([s, n]) => `${num(n)} × ${s === '-1' ? 'closed' : s}`)
        .join(', ')}`,
  ],
  [
    '… the admin’s health check meanwhile, p99 / max (before: max)',
    (f) =>
      `${msCell(f.healthP99DuringBodiesMs)} / ${msCell(f.healthMaxDuringBodiesMs)} (${msCell(f.healthBaselineMaxMs)})`,
  ],
];

/** Issue 15: sign-in and accounts attacked, on each store engine (reliability/accounts.test.ts). */
export function accountsSection(f: PartFigures<'accounts'>): string[] {
  const out = [
    '',
    '## Accounts',
    '',
    'The admin alone, attacked as an attacker would from several loopback addresses, once on SQLite and once on PostgreSQL (a throwaway cluster): the login counters, the last active admin and the session cap are each checked and written in one transaction, and must hold under bursts on both.',
  ];
  const engines = (['sqlite', 'postgres'] as const).filter((e) => f[e] !== undefined);
  const first = f[engines[0] ?? 'sqlite'];
  if (first === undefined) return [...out, '', missing('the accounts attacks')];
  out[out.length - 1] +=
    ` Sign-in limits of the run: ${first.burstLimit} attempts per account and address, ${first.sprayAddressLimit} per address, ` +
    `${first.accountFreeAttempts} free per account then a growing delay, in a 15-minute window; at most ${first.sessionCap} sessions per user.`;
  out.push('');
  out.push(
    table(
      ['attack', ...engines.map((e) => (e === 'sqlite' ? 'SQLite' : 'PostgreSQL'))],
      ROWS.map(([label, value]) => [
        label,
        ...engines.map((e) => {
          const figures = f[e];
          return figures === undefined ? '—' : value(figures);
        }),
      ]),
    ),
  );
  return out;
}

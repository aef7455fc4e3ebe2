// A separate process using the store, for tests of what only processes can show: several
// processes opening one fresh SQLite file, and writes acknowledged before a SIGKILL.
// argv[2] is JSON: { target, mode: 'open' | 'edit' | 'audit-burst' | 'publish', measures?, prefix?, formats? }.
import { openStore } from '../../src/index.js';
import { editMeasure, findText } from '../measures.js';

interface Args {
  target: { sqliteFile?: string; databaseUrl?: string };
  mode: 'open' | 'edit' | 'audit-burst' | 'publish';
  measures?: string[];
  prefix?: string;
  /** Export formats queued with a publish. */
  formats?: string[];
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const store = await openStore({ ...args.target, poolSize: 2 });
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

if (args.mode === 'edit') {
  for (const id of args.measures ?? []) {
    const draft = await store.getDraft();
    const text = draft === null ? undefined : findText(draft.report, id);
    const result = await store.appendDraftRevision(
      editMeasure(draft?.revision ?? 0, id, `${text ?? ''}（${args.prefix ?? ''}）`),
    );
    out(result.ok ? `ack ${id}` : `fail ${id} ${JSON.stringify(result)}`);
  }
} else if (args.mode === 'publish') {
  // Publishes the draft with its exports; a fault point armed in the environment may kill it first.
  const result = await store.publishDraft({ publishedBy: 'child', exportFormats: args.formats });
  out(result.ok ? `published ${result.edition.number}` : `fail ${JSON.stringify(result)}`);
} else if (args.mode === 'audit-burst') {
  // Runs until killed; each line is printed only after its commit returned.
  for (let n = 0; ; n += 1) {
    await store.appendAudit({ actor: null, action: 'burst', target: `${args.prefix ?? ''}${n}` });
    out(`ack ${n}`);
  }
}
out('done');
await store.close();

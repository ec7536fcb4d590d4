// Generates shared/providers/ispdb-providers.ts from the ISPDB snapshot in scripts/ispdb-snapshot/.
// Run: node scripts/generate-ispdb-providers.ts [--from <autoconfig checkout>/ispdb --commit <sha>] [--check]
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProviderEntrySchema } from '../shared/providers/provider-schema.ts';
import { providerTable } from '../shared/providers/provider-table.ts';
import { mergeIspdb } from './ispdb/merge-ispdb.ts';
import { readIspdbFolder } from './ispdb/read-ispdb.ts';
import { renderIspdbModule } from './ispdb/write-ispdb-module.ts';

const root = new URL('..', import.meta.url).pathname;
const snapshotDir = join(root, 'scripts/ispdb-snapshot');
const xmlDir = join(snapshotDir, 'ispdb');
const outputFile = join(root, 'shared/providers/ispdb-providers.ts');
const repository = 'https://github.com/thunderbird/autoconfig';

const { values } = parseArgs({ options: { from: { type: 'string' }, commit: { type: 'string' }, check: { type: 'boolean', default: false } } });

/** Replaces the snapshot's XML files with those of a newer checkout and records its commit. */
async function refreshSnapshot(from: string, commit: string): Promise<void> {
  for (const name of await readdir(xmlDir)) if (name.endsWith('.xml')) await rm(join(xmlDir, name));
  for (const name of await readdir(from)) if (name.endsWith('.xml')) await copyFile(join(from, name), join(xmlDir, name));
  const readme = join(snapshotDir, 'README.md');
  await writeFile(readme, (await readFile(readme, 'utf8')).replace(/at commit\n`[0-9a-f]{40}`[^.]*\./, `at commit\n\`${commit}\`.`));
}

async function snapshotCommit(): Promise<string> {
  const readme = await readFile(join(snapshotDir, 'README.md'), 'utf8');
  const commit = /`([0-9a-f]{40})`/.exec(readme)?.[1];
  if (!commit) throw new Error('scripts/ispdb-snapshot/README.md names no commit');
  return commit;
}

if (values.from) {
  if (!values.commit || !/^[0-9a-f]{40}$/.test(values.commit)) throw new Error('--from needs --commit <the 40-digit commit of that checkout>');
  await refreshSnapshot(values.from, values.commit);
}
const files = await readIspdbFolder(xmlDir);
const merge = mergeIspdb(files, providerTable);
for (const file of files) for (const reason of file.skipped) process.stderr.write(`skipped ${file.file}: ${reason}\n`);
for (const reason of merge.unused) process.stderr.write(`unused ${reason}\n`);
if (merge.disagreements.length > 0) {
  for (const d of merge.disagreements) process.stderr.write(`DISAGREES ${d.file} vs curated ${d.curatedId}\n  ours:   ${d.ours}\n  ISPDB:  ${d.theirs}\n`);
  process.stderr.write('Resolve each: change the curated entry, or give it an ispdbDiffers reason.\n');
  process.exit(1);
}
for (const entry of merge.entries) {
  const parsed = ProviderEntrySchema.safeParse(entry);
  if (!parsed.success) throw new Error(`${entry.id}: ${parsed.error.message}`);
}
const source = renderIspdbModule(merge, { repository, commit: await snapshotCommit(), files: files.length });
if (values.check) {
  const current = await readFile(outputFile, 'utf8').catch(() => '');
  if (current !== source) {
    process.stderr.write('shared/providers/ispdb-providers.ts is out of date: run node scripts/generate-ispdb-providers.ts\n');
    process.exit(1);
  }
} else {
  await writeFile(outputFile, source);
}
const imapDomains = new Set(files.filter((file) => file.imap).flatMap((file) => file.domains));
process.stdout.write(
  `${files.length} ISPDB files, ${imapDomains.size} domains with IMAP; ${merge.entries.length} ISPDB-only providers ` +
    `(${merge.entries.filter((e) => !e.imapAvailable).length} POP3-only), ${Object.values(merge.aliases).flat().length} domains joined to curated ones; ` +
    `${Buffer.byteLength(source)} bytes\n`,
);

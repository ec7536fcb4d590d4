#!/usr/bin/env node
// Entry point of the `mail-setup` command: the prebuilt bundle (.vite/cli, built by
// scripts/setup.sh and CI with vite.cli.config.ts) when present, else the TypeScript sources
// through Node's type stripping (slower to start: the whole tree is stripped at each start).
import { existsSync } from 'node:fs';

const bundle = new URL('../.vite/cli/mail-setup.js', import.meta.url);
const prebuilt = existsSync(bundle) && process.env.MAIL_SETUP_CLI_FROM_SOURCE !== '1';
if (!prebuilt) {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 23) {
    process.stderr.write(`mail-setup: needs Node 24 (this is ${process.version}); run it as "npx mail-setup" in the project\n`);
    process.exit(2);
  }
}
const { runCli } = await import(prebuilt ? bundle.href : '../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

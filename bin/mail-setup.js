#!/usr/bin/env node
// Entry point of the `mail-setup` command: runs the TypeScript CLI with Node's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 23) {
  process.stderr.write(`mail-setup: needs Node 24 (this is ${process.version}); run it as "npx mail-setup" in the project\n`);
  process.exit(2);
}
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

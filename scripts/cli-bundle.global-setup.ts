// Vitest global setup: the CLI tests spawn bin/mail-setup.js, which runs the prebuilt bundle, so
// the bundle is rebuilt first whenever a source is newer.
import { buildCli } from './build-cli.ts';

/** Runs once before the test files. */
export default function setup(): void {
  buildCli(true);
}

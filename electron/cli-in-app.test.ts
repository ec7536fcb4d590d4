// Which starts of the app binary are command-line runs.
import { expect, it } from 'vitest';
import { cliArgumentsOf } from './cli-in-app.ts';

it('takes a CLI command after the packaged binary, or after the app path when unpackaged', () => {
  expect(cliArgumentsOf(['/usr/lib/mail-setup/mail-setup', 'discover', 'a@b.test', '--json'], true)).toEqual(['discover', 'a@b.test', '--json']);
  expect(cliArgumentsOf(['/usr/bin/electron', '.', '--help'], false)).toEqual(['--help']);
  expect(cliArgumentsOf(['/usr/lib/mail-setup/mail-setup'], true)).toBeUndefined();
  expect(cliArgumentsOf(['/usr/lib/mail-setup/mail-setup', '--no-sandbox'], true)).toBeUndefined();
});

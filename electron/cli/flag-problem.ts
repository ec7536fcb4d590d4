// What is wrong with a flag's value, from the first issue zod found in the settings it became, in the run's language.
import { say } from './cli-language.ts';

/** The part of a zod issue read here. */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
}

/**
 * The usage line for a settings field that failed validation: `--smtp-username is required`.
 * By the issue's code rather than its English message (server-settings.ts), so each is said in the
 * run's language: empty is `too_small`, a line break in a username the schema's `custom` refinement.
 */
export function flagProblem(issue: Issue | undefined, prefix: '' | 'smtp-'): string {
  const field = String(issue?.path[0] ?? 'settings');
  const flag = `--${prefix}${field}`;
  const code = issue?.code;
  if (field === 'port') return say('usage.portValue', { flag });
  if (code === 'too_small') return say('usage.required', { flag });
  if (field === 'username' && code === 'custom') return say('usage.lineBreaks', { flag });
  if (field === 'host') return say('usage.notHost', { flag });
  return say('usage.invalid', { flag });
}

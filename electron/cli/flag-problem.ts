// What is wrong with a flag's value, from the first issue zod found in the settings it became, in the run's language.
import { say } from './cli-language.ts';

/** The part of a zod issue read here. */
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The usage line for a settings field that failed validation: `--smtp-username is required`.
 * The schemas' English phrases (server-settings.ts) are matched to catalogue texts, so each is
 * said in the run's language; zod's own range messages for a port become the port's usual line.
 */
export function flagProblem(issue: Issue | undefined, prefix: '' | 'smtp-'): string {
  const field = String(issue?.path[0] ?? 'settings');
  const flag = `--${prefix}${field}`;
  const message = issue?.message ?? '';
  if (field === 'port') return say('usage.portValue', { flag });
  if (message === 'is required') return say('usage.required', { flag });
  if (message.startsWith('must not contain line breaks')) return say('usage.lineBreaks', { flag });
  if (field === 'host') return say('usage.notHost', { flag });
  return say('usage.invalid', { flag });
}

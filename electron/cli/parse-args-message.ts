// Node's parseArgs errors (unknown flag, missing value) in the run's language: English keeps Node's own first line.
import { say, speaksEnglish } from './cli-language.ts';

/** A parseArgs error: Node's `ERR_PARSE_ARGS_…` codes. */
export const isParseArgsError = (error: unknown): error is Error & { code: string } => error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');

/** The first line of what is wrong: Node's words in English (scripts match them), the catalogue's in any other language. */
export function parseArgsMessage(error: Error & { code: string }): string {
  const english = error.message.split('\n')[0] ?? '';
  if (speaksEnglish()) return english;
  // Node names the option in single quotes: '--port <value>', '--frob'.
  const option = /'(-[^' ]*)/.exec(english)?.[1] ?? '';
  if (option === '') return english;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return say('usage.unknownOption', { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return say(english.includes('<value>') ? 'usage.optionNeedsValue' : 'usage.optionTakesNoValue', { option });
  return english;
}

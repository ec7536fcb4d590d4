// What is left in plain English of a CLI's stderr under the accented pseudo-locale: a text not said through the catalogue.

/** Words typed on the command line, which a message quotes as they are: export targets and `accounts` commands. */
const commandWords = ['thunderbird-mobile', 'apple', 'gnome', 'msmtp', 'mbsync', 'aerc', 'neomutt', 'autoconfig', 'list', 'add', 'retest', 'set-password', 'remove'];

/**
 * The English words left once what is the same in every language is taken out: the program's name,
 * paths, flags (with the value of `--only outgoing`), quoted values, addresses, host names and command
 * words (arguments are never accented).
 */
export function plainEnglish(stderr: string): string[] {
  const kept = stderr
    .replace(/^mail-setup( discover)?:/gm, '')
    .replace(/\/[\w./-]+/g, '')
    .replace(/--[\w-]+( (incoming|outgoing)\b)?/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, '')
    .replace(new RegExp(`(?<![\\w-])(${commandWords.join('|')})(?![\\w-])`, 'g'), '');
  return kept.match(/\b[A-Za-z]{2,}\b/g) ?? [];
}

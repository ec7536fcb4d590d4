// Server and domain names as people write them: an internationalised name is shown in its own letters, never as xn--.
import { toUnicode } from 'punycode';

/** `imap.xn--exmple-cua.test` → `imap.exämple.test`; anything that is not a valid name stays as it is. */
export function readableHost(host: string): string {
  if (!/(^|\.)xn--/i.test(host)) return host;
  try {
    return toUnicode(host);
  } catch {
    return host;
  }
}

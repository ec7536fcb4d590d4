// Decides which links may leave the app for the system browser: https pages on provider help hosts.

/**
 * Builds the policy for `shell.openExternal` from the provider table's help URLs.
 *
 * A URL passes only if it is `https:`, carries no credentials, uses the default port and its
 * host is exactly one of the help URLs' hosts. Anything else (http, file:, custom schemes,
 * look-alike subdomains) is refused: `openExternal` hands the URL to the OS, which may run
 * whatever handler is registered for its scheme.
 *
 * @param helpUrls - the help URLs of the bundled providers; `null` and unparsable entries are skipped.
 * @returns the URL to open, normalised, or `null` when it is refused.
 */
export function createOpenExternalPolicy(helpUrls: Iterable<string | null>): (url: string) => string | null {
  const allowedHosts = new Set<string>();
  for (const helpUrl of helpUrls) {
    const parsed = helpUrl === null ? null : parseHttps(helpUrl);
    if (parsed) allowedHosts.add(parsed.hostname);
  }
  return (url) => {
    const parsed = parseHttps(url);
    return parsed && allowedHosts.has(parsed.hostname) ? parsed.href : null;
  };
}

function parseHttps(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  return url;
}

// A stand-in browser for automated runs (MAIL_SETUP_OAUTH_BROWSER=follow-redirects): it follows the authorization redirects itself.

const maxRedirects = 5;

/**
 * Plays a browser whose user is already signed in and consents: GETs the authorization URL and
 * follows its redirects until the loopback redirect URI has been requested. Only for test
 * authorization servers that redirect without a login page (oauth2-mock-server), so that the
 * harness and end-to-end tests can finish a sign-in with no browser. It returns at once, as a
 * real browser does; the sign-in's own timeout covers a server that never redirects.
 */
export function followRedirectsBrowser(url: string): void {
  void (async () => {
    let next = new URL(url);
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return;
      const response = await fetch(next, { redirect: 'manual' });
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return;
      next = new URL(location, next);
    }
  })().catch(() => undefined);
}

// Plays the system browser's part of a sign-in with fetch: open the authorization URL, follow its redirect to the app.

/** What the browser ended up showing: the loopback listener's page. */
export interface BrowserVisit {
  /** The authorization URL the app opened. */
  readonly authorizationUrl: URL;
  /** The redirect target the authorization server sent (before any tampering). */
  readonly redirect: URL;
  readonly status: number;
  readonly page: string;
}

/** Options for {@link scriptedBrowser}. */
export interface ScriptedBrowserOptions {
  /** Changes the redirect before following it, as a forged or stale request would. */
  readonly tamper?: (redirect: URL) => void;
}

/**
 * An `openBrowser` for tests: like a real browser it returns at once and "navigates" in the
 * background (GET the authorization URL, whose mock server redirects without a login page, then
 * GET the loopback redirect). Each visit lands in `visits`.
 */
export function scriptedBrowser(options: ScriptedBrowserOptions = {}): {
  openBrowser: (url: string) => void;
  visits: Promise<BrowserVisit>[];
} {
  const visits: Promise<BrowserVisit>[] = [];
  const openBrowser = (url: string): void => {
    const visit = (async (): Promise<BrowserVisit> => {
      const first = await fetch(url, { redirect: 'manual' });
      const location = first.headers.get('location');
      if (first.status < 300 || first.status >= 400 || location === null) {
        throw new Error(`the authorization server answered ${first.status} without a redirect`);
      }
      const redirect = new URL(location, url);
      const target = new URL(redirect);
      options.tamper?.(target);
      const landed = await fetch(target, { redirect: 'manual' });
      return { authorizationUrl: new URL(url), redirect, status: landed.status, page: await landed.text() };
    })();
    visit.catch(() => undefined);
    visits.push(visit);
  };
  return { openBrowser, visits };
}

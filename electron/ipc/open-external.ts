// Opens a provider help link in the system browser, after the open-external policy allowed it.

/** What opening a link needs: Electron's `shell.openExternal` and the policy. */
export interface OpenExternalDeps {
  /** Electron's `shell.openExternal`, passed in by main.ts. */
  openExternal: (url: string, options: { activate: boolean }) => Promise<void>;
  /** Returns the normalised URL to open, or `null` to refuse (see `createOpenExternalPolicy`). */
  allow: (url: string) => string | null;
  /** Told about refused links, so that a probe from a compromised page leaves a trace. */
  onRefused?: ((url: string) => void) | undefined;
}

/**
 * Returns the function behind the `openExternal` call and the window's link handling.
 *
 * @returns `true` when the OS was asked to open the link, `false` when it was refused or failed.
 */
export function createOpenExternal(deps: OpenExternalDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    const allowed = deps.allow(url);
    if (allowed === null) {
      deps.onRefused?.(url);
      return false;
    }
    try {
      // Hand the OS the re-serialised URL, not the caller's text.
      await deps.openExternal(allowed, { activate: true });
      return true;
    } catch {
      return false;
    }
  };
}

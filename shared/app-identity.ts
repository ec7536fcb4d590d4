// Who this app says it is to servers (the IMAP ID command) — its own name and version, nobody else's.

/** The app's product name and version; `app-identity.test.ts` keeps them equal to package.json. */
export const appIdentity = { name: 'Mail Setup', version: '0.1.0' } as const;

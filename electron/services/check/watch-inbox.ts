// Watches INBOX over its own IMAP sign-in until the test message with a given token arrives, or a
// time limit passes: searched at once, then again at every new-message notice (IDLE where the
// server offers it) or, without IDLE, every half second.
import type { SecureContext } from 'node:tls';
import { ImapFlow } from 'imapflow';
import { bareHost, type ServerSettings } from '../../../shared/server-settings.ts';
import type { Credential } from './check-input.ts';

/** Where to watch and how to sign in; TLS is verified against the check's trusted CAs. */
export interface InboxWatchOptions {
  settings: ServerSettings;
  credential: Credential;
  secureContext: SecureContext;
  /** The user insisted that a password may cross an unencrypted connection. */
  allowInsecure: boolean;
  /** Value of the header that marks the message. */
  header: { name: string; value: string };
  limitMs: number;
  signal: AbortSignal;
}

const pollMs = 500;
/** Under IDLE the server says when mail arrives; a search this often still covers a missed notice. */
const idleRecheckMs = 5_000;

/** Resolves true once the message is in INBOX, false when `limitMs` passes first; throws when INBOX cannot be watched. */
export async function watchInbox(options: InboxWatchOptions): Promise<boolean> {
  const { settings, credential } = options;
  if (settings.security === 'none' && !options.allowInsecure) throw new Error('INBOX is not watched over an unencrypted connection.');
  const deadline = Date.now() + options.limitMs;
  const client = new ImapFlow({
    host: bareHost(settings.host),
    port: settings.port,
    secure: settings.security === 'tls',
    // STARTTLS required where the settings say so, never attempted where they say none.
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    auth: credential.kind === 'password' ? { user: settings.username, pass: credential.password } : { user: settings.username, accessToken: credential.accessToken },
    tls: { secureContext: options.secureContext, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    logger: false,
    disableAutoIdle: true,
  });
  let wake: (() => void) | undefined;
  client.on('exists', () => wake?.());
  client.on('error', () => wake?.());
  const onAbort = () => {
    wake?.();
    client.close();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    await client.mailboxOpen('INBOX', { readOnly: true });
    const idleOffered = client.capabilities.has('IDLE');
    for (;;) {
      const found = await client.search({ header: { [options.header.name]: options.header.value } }, { uid: true });
      if (Array.isArray(found) && found.length > 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (options.signal.aborted) throw options.signal.reason;
      // IDLE ends by itself when the next SEARCH is sent (imapflow breaks it before any command).
      if (idleOffered) void client.idle().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(idleOffered ? idleRecheckMs : pollMs, left));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    void client.logout().catch(() => undefined).finally(() => client.close());
  }
}

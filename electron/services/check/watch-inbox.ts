// Watches INBOX for the test message on the incoming check's own session (same resolver, source
// address, TLS verification and pinned certificate, already signed in with INBOX open): searched at
// once, then again at every new-message notice (IDLE where the server offers it) or, without IDLE,
// every half second, until it is there or a time limit passes.
import type { ImapFlow } from 'imapflow';

/** What to watch for, on which session, and for how long. */
export interface InboxWatchOptions {
  /** The incoming check's signed-in session with INBOX open; its owner closes it afterwards. */
  client: ImapFlow;
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
  const { client } = options;
  const deadline = Date.now() + options.limitMs;
  let wake: (() => void) | undefined;
  // A notice that comes with a SEARCH's answer (the server saw the message only after searching)
  // must not be lost: it is remembered, and the next search follows at once.
  let noticed: boolean;
  const onNotice = () => {
    noticed = true;
    wake?.();
  };
  client.on('exists', onNotice);
  client.on('error', onNotice);
  client.on('close', onNotice);
  const onAbort = () => {
    wake?.();
    // Ends a SEARCH or IDLE in flight at once; the session is of no further use after a cancel.
    client.close();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal.aborted) throw options.signal.reason;
    const idleOffered = client.capabilities.has('IDLE');
    for (;;) {
      noticed = false;
      const found = await client.search({ header: { [options.header.name]: options.header.value } }, { uid: true });
      if (Array.isArray(found) && found.length > 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (options.signal.aborted) throw options.signal.reason;
      if (!client.usable) throw new Error('the connection to the incoming server was closed');
      if (noticed) continue;
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
    client.off('exists', onNotice);
    client.off('error', onNotice);
    client.off('close', onNotice);
  }
}

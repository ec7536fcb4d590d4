// Watches a POP3 mailbox for the test message: a POP3 session sees the mailbox as it was at sign-in,
// so each look is a fresh sign-in (same transport, TLS verification and pinned certificate as the
// check) that lists the unique ids (UIDL) and reads only the headers of new ones; nothing is deleted.
import type { Pop3Mailbox } from './pop3-mailbox.ts';

/** What to watch for and how to look. */
export interface Pop3WatchOptions {
  /** Signs in afresh, runs `inMailbox` on the open mailbox and says QUIT; resolves with the failure's words, if any. */
  visit: (inMailbox: (mailbox: Pop3Mailbox) => Promise<void>) => Promise<{ failure?: { detail: string } }>;
  /** The unique ids already there when the check opened the mailbox. */
  baseline: ReadonlySet<string>;
  header: { name: string; value: string };
  limitMs: number;
  signal: AbortSignal;
}

/** A sign-in per look: once a second is plenty for a message that takes seconds to arrive. */
const pollMs = 1_000;

/** True when `lines` (a message's header) carry `name: value`. */
function hasHeader(lines: readonly string[], header: Pop3WatchOptions['header']): boolean {
  const wanted = `${header.name.toLowerCase()}:`;
  return lines.some((line) => line.toLowerCase().startsWith(wanted) && line.slice(wanted.length).trim() === header.value);
}

/** Resolves true once the message is in the mailbox, false when `limitMs` passes first; throws when the mailbox cannot be opened. */
export async function watchPop3Inbox(options: Pop3WatchOptions): Promise<boolean> {
  const deadline = Date.now() + options.limitMs;
  const looked = new Set(options.baseline);
  for (;;) {
    options.signal.throwIfAborted();
    let found = false;
    const outcome = await options.visit(async (mailbox) => {
      for (const [number, uid] of await mailbox.uids()) {
        if (looked.has(uid)) continue;
        if (hasHeader(await mailbox.headers(number), options.header)) {
          found = true;
          return;
        }
        looked.add(uid);
      }
    });
    if (outcome.failure) throw new Error(outcome.failure.detail);
    if (found) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(pollMs, left));
      function done() {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', done);
        resolve();
      }
      options.signal.addEventListener('abort', done, { once: true });
    });
  }
}

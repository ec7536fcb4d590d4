// Tells whoever lists the accounts that a hand-off dialog closed, so the copies it made show (Remove then asks about GNOME's).
const listeners = new Set<(email: string) => void>();

/** Called by the dialog as it closes. */
export function handOffClosed(email: string): void {
  for (const listener of listeners) listener(email);
}

/** Subscribes; returns the unsubscribe function (a React effect's cleanup). */
export function onHandOffClosed(listener: (email: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Reads a signed-in POP3 mailbox without changing it: the unique ids (UIDL) and one message's headers (TOP n 0); never RETR or DELE.
import type { Pop3Wire } from './pop3-wire.ts';

/** The mailbox of a POP3 session after STAT, as far as the check looks into it. */
export interface Pop3Mailbox {
  /** Message number → unique id, from UIDL (empty where the server has no UIDL). */
  uids(): Promise<Map<number, string>>;
  /** The header lines of message `number`, from `TOP number 0`. */
  headers(number: number): Promise<string[]>;
}

/** The mailbox reader over a session's wire. */
export function pop3Mailbox(wire: Pop3Wire): Pop3Mailbox {
  return {
    async uids() {
      wire.send({ line: 'UIDL' });
      if (!(await wire.reply()).ok) return new Map();
      const entries = (await wire.multiline()).map((line) => line.split(/\s+/)).filter((words) => words.length >= 2);
      return new Map(entries.map(([number, uid]) => [Number(number), uid ?? '']));
    },
    async headers(number) {
      wire.send({ line: `TOP ${number} 0` });
      if (!(await wire.reply()).ok) return [];
      return wire.multiline();
    },
  };
}

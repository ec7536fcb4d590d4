// Reads SMTP replies as the server sent them: the code, and a multi-line reply joined into one text.

/** The three-digit code of a reply, or 0 when it has none. */
export function replyCode(reply: string): number {
  return Number(/^(\d{3})[ -]/.exec(reply)?.[1] ?? 0);
}

/**
 * One line for a reply of one or more lines: the code and enhanced code once, then each line's
 * text (`534-5.7.9 Application-specific password required. Learn more at` +
 * `534 5.7.9 https://…` → `534 5.7.9 Application-specific password required. Learn more at https://…`).
 */
export function joinReply(reply: string): string {
  const lines = reply.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = /^(\d{3})[ -](?:(\d\.\d{1,3}\.\d{1,3}) )?/.exec(lines[0] ?? '');
  if (!first) return lines.join(' ').trim();
  const prefix = [first[1], first[2]].filter(Boolean).join(' ');
  const texts = lines.map((line) => line.replace(/^\d{3}[ -](?:\d\.\d{1,3}\.\d{1,3}(?: |$))?/, '').trim()).filter((text) => text !== '');
  return `${prefix} ${texts.join(' ')}`.trim();
}

// Server text made safe to show a person: control characters become visible escapes, so a
// greeting or NO text cannot clear a terminal, retitle a window, plant a link or overwrite a line.

const named: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\u001b': '\\e', '\u0000': '\\0' };

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), line/paragraph separators, and the
// bidirectional overrides and isolates that reorder what follows them on screen.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character shown as an escape (`\r`, `\n`, `\t`, `\e` for ESC, `\0`,
 * else `\xHH` or `\u{HHHH}`): what the server sent, visibly, and nothing a terminal or page acts
 * on. Text that was not valid UTF-8 already arrives with U+FFFD in place of the bad bytes.
 */
export function showControlCharacters(text: string): string {
  return text.replace(hidden, (char) => {
    const known = named[char];
    if (known) return known;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

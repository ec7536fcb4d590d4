// The line reader splits server bytes into response lines, however the bytes are chunked.
import { describe, expect, it } from 'vitest';
import { ImapLineReader } from './imap-line-reader.ts';

function read(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const reader = new ImapLineReader((line) => lines.push(line));
  for (const chunk of chunks) reader.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return lines;
}

describe('ImapLineReader', () => {
  it('splits CRLF lines and drops the line ending', () => {
    expect(read(['* OK ready\r\n* CAPABILITY IMAP4rev1\r\nA1 OK done\r\n'])).toEqual(['* OK ready', '* CAPABILITY IMAP4rev1', 'A1 OK done']);
  });

  it('joins a line split across chunks, even byte by byte', () => {
    const text = '* BYE Too many connections from your IP address\r\n';
    expect(read([...text].map((char) => char))).toEqual(['* BYE Too many connections from your IP address']);
  });

  it('accepts bare LF line endings', () => {
    expect(read(['220 mx.example.test ESMTP\n'])).toEqual(['220 mx.example.test ESMTP']);
  });

  it('keeps multi-byte characters split between chunks', () => {
    const bytes = Buffer.from('* OK Grüße 🔑\r\n', 'utf8');
    const split = bytes.indexOf(0xf0) + 2;
    expect(read([bytes.subarray(0, split), bytes.subarray(split)])).toEqual(['* OK Grüße 🔑']);
  });

  it('steps over literal bodies, including CRLF inside them', () => {
    const lines = read(['* 1 FETCH (BODY[] {12}\r\n', 'line1\r\nline', '2)\r\nA5 OK Fetch completed.\r\n']);
    expect(lines).toEqual(['* 1 FETCH (BODY[] {12}', ')', 'A5 OK Fetch completed.']);
  });

  it('refuses a line that never ends, or a huge literal, instead of buffering without limit', () => {
    const lines: string[] = [];
    const refused: string[] = [];
    const reader = new ImapLineReader((line) => lines.push(line), (what) => refused.push(what));
    const block = Buffer.alloc(16 * 1024, 0x41);
    for (let index = 0; index < 64; index += 1) reader.push(block);
    reader.push(Buffer.from('\r\n'));
    expect(lines).toEqual([]);
    expect(refused).toEqual(['a line longer than 256 KB without a line end']);

    const literal: string[] = [];
    new ImapLineReader(() => undefined, (what) => literal.push(what)).push(Buffer.from('* OK {999999999}\r\nxxxx'));
    expect(literal).toEqual(['a literal of 999999999 bytes (more than 256 KB)']);
  });

  it('keeps at most 64 KB of a long line that does end', () => {
    const lines: string[] = [];
    const reader = new ImapLineReader((line) => lines.push(line));
    reader.push(Buffer.alloc(100 * 1024, 0x41));
    reader.push(Buffer.from('\r\n'));
    expect(lines[0]?.length).toBe(64 * 1024);
  });
});

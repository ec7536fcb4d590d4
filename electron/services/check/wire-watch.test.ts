// The wire watch records the server's words and stops a credential that must not leave.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { StepFailure } from '../net/step-failure.ts';
import { WireWatch } from './wire-watch.ts';

function socketPair() {
  const socket = new PassThrough();
  const written: string[] = [];
  socket.on('data', (chunk: Buffer) => written.push(chunk.toString('latin1')));
  return { socket, written };
}

describe('WireWatch', () => {
  it('reports each line to the transcript, masking every sign-in payload until the server answers it', async () => {
    const cases: [string[], string[]][] = [
      [['A1 LOGIN "ann" "se\\"cret"\r\n'], ['A1 LOGIN "ann" •••']],
      [['A1 AUTHENTICATE XOAUTH2 dXNlcj1hbm4BYXV0aD1CZWFyZXIgdG9rZW4BAQ==\r\n'], ['A1 AUTHENTICATE XOAUTH2 •••']],
      [['A1 AUTHENTICATE OAUTHBEARER\r\n', 'bixhPWFubiwBYXV0aD1CZWFyZXIgdG9rZW4BAQ==\r\n'], ['A1 AUTHENTICATE OAUTHBEARER', '•••']],
      [['A1 LOGIN {3}\r\n', 'ann {6}\r\n', 'secret\r\n'], ['A1 LOGIN {3} •••', '•••', '•••']],
    ];
    for (const [writes, shown] of cases) {
      const { socket } = socketPair();
      const wire: string[] = [];
      const watch = new WireWatch({ onFirstLine: () => undefined, beforeCredential: () => null, onWire: (from, line) => wire.push(`${from} ${line}`) });
      watch.guardWrites(socket);
      for (const chunk of writes) socket.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
      expect(wire).toEqual(shown.map((line) => `client ${line}`));
    }
  });

  it('blocks LOGIN and AUTHENTICATE when told to, and destroys the socket before a byte leaves', () => {
    const refusal: StepFailure = { category: 'encryption-required', detail: 'not sent' };
    for (const command of ['A3 LOGIN "ann" "secret"\r\n', 'A3 AUTHENTICATE PLAIN AGFubgBzZWNyZXQ=\r\n', 'a1 login ann secret\r\n']) {
      const { socket, written } = socketPair();
      const watch = new WireWatch({ onFirstLine: () => undefined, beforeCredential: () => refusal });
      watch.guardWrites(socket);
      expect(socket.write(Buffer.from(command, 'latin1'))).toBe(false);
      expect(written).toEqual([]);
      expect(socket.destroyed).toBe(true);
      expect(watch.blocked).toBe(refusal);
      expect(watch.credentialSent).toBe(false);
    }
  });

  it('lets other commands and allowed credentials through, keeping only the mechanism name', async () => {
    const { socket, written } = socketPair();
    let asked = 0;
    const watch = new WireWatch({ onFirstLine: () => undefined, beforeCredential: () => ((asked += 1), null) });
    watch.guardWrites(socket);
    socket.write('A1 CAPABILITY\r\n');
    socket.write('A2 AUTHENTICATE PLAIN AGFubgBzZWNyZXQ=\r\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toBe(1);
    expect(written.join('')).toBe('A1 CAPABILITY\r\nA2 AUTHENTICATE PLAIN AGFubgBzZWNyZXQ=\r\n');
    expect(watch.credentialSent).toBe(true);
    expect(watch.authMechanism).toBe('PLAIN');
  });

  it('keeps the greeting, a BYE text and the answer to the sign-in', () => {
    const server = new PassThrough();
    const firstLines: string[] = [];
    const watch = new WireWatch({ onFirstLine: (line) => firstLines.push(line), beforeCredential: () => null });
    const client = new PassThrough();
    watch.guardWrites(client);
    client.write('A7 LOGIN "ann" "secret"\r\n');
    watch.attachReader(server);
    server.write('* OK [CAPABILITY IMAP4rev1] ready\r\n');
    server.write('A7 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n* BYE Closing\r\n');
    expect(firstLines).toEqual(['* OK [CAPABILITY IMAP4rev1] ready']);
    expect(watch.firstLine).toBe('* OK [CAPABILITY IMAP4rev1] ready');
    expect(watch.authResponse).toBe('NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(watch.byeText).toBe('Closing');
    expect(watch.authMechanism).toBe('LOGIN');
  });
});

// Hostile servers before sign-in: a huge literal or an endless line must end in a named
// protocol-error quickly, with the check's process staying small (measured in a child process).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedPeer, type PeerConnection, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';

const peers: ScriptedPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()));
});

/** Sends `head`, then up to 1 GB of filler as fast as the client takes it. */
function flood(connection: PeerConnection, head: string): void {
  connection.write(head);
  const filler = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const more = () => {
    if (sent >= 1024 * 1024 * 1024) return;
    connection.write(filler);
    sent += filler.length;
    setImmediate(more);
  };
  more();
}

interface ChildOutcome {
  category: string | null;
  step: string | null;
  detail: string;
  ms: number;
  peakRssMb: number;
}

function checkInChild(port: number): Promise<ChildOutcome> {
  const script = join(import.meta.dirname, 'test-support', 'check-in-child.ts');
  const child = spawn(process.execPath, [script, String(port), 'starttls'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => {
      try {
        resolve(JSON.parse(out) as ChildOutcome);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

describe('a hostile server on a plain STARTTLS port', () => {
  const modes: [string, string, RegExp][] = [
    ['a greeting that ends in a {999999999} literal', '* OK [CAPABILITY IMAP4rev1 STARTTLS] {999999999}\r\n', /a literal of 999999999 bytes/],
    ['an endless greeting line without CRLF', '* OK [CAPABILITY IMAP4rev1 STARTTLS] ', /a line longer than 256 KB/],
  ];
  for (const [name, head, what] of modes) {
    it(`${name}: protocol-error naming it, peak RSS under 250 MB`, async () => {
      const peer = await startScriptedPeer({ script: { onConnect: (connection) => flood(connection, head) } });
      peers.push(peer);
      const outcome = await checkInChild(peer.port);
      expect(outcome).toMatchObject({ category: 'protocol-error', step: 'greeting' });
      expect(outcome.detail).toMatch(what);
      expect(outcome.peakRssMb).toBeLessThan(250);
      expect(outcome.ms).toBeLessThan(10_000);
    });
  }
});

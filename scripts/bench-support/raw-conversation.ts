// A bare client conversation over a raw socket for the "protocol floor" benchmarks: write, wait for
// an answer matching a pattern, upgrade with STARTTLS, and nothing the protocol does not need.
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** One conversation: what is said, what is awaited, and the TLS upgrade. */
export interface RawConversation {
  /** Writes `text` and resolves once everything received since the last wait matches `answer`. */
  say(text: string, answer: RegExp): Promise<void>;
  /** Verified TLS over the current socket; `first` rides with the client's Finished, `answer` is awaited. */
  upgrade(first: string, answer: RegExp): Promise<void>;
  end(text: string): void;
}

/** Connects to 127.0.0.1:`port` (TLS from the start when `implicitTls`), trusting `ca` for `servername`. */
export async function openRawConversation(port: number, implicitTls: boolean, ca: string, servername = 'localhost'): Promise<RawConversation> {
  let socket: Socket = connectTcp({ host: '127.0.0.1', port });
  let received = '';
  let waiting: { answer: RegExp; resolve: () => void; reject: (error: Error) => void } | undefined;
  const check = () => {
    if (waiting && waiting.answer.test(received)) {
      const done = waiting.resolve;
      waiting = undefined;
      received = '';
      done();
    }
  };
  const listen = (current: Socket) => {
    current.setNoDelay(true);
    current.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      check();
    });
    current.on('error', (error) => waiting?.reject(error));
  };
  const wait = (answer: RegExp) =>
    new Promise<void>((resolve, reject) => {
      waiting = { answer, resolve, reject };
      check();
    });
  const tls = (text: string) =>
    new Promise<Socket>((resolve, reject) => {
      const secured = connectTls({ socket, host: '127.0.0.1', servername, ca: [ca] }, () => {
        if (text) secured.write(text);
        resolve(secured);
      });
      secured.once('error', reject);
    });
  if (implicitTls) socket = await tls('');
  else await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  listen(socket);
  return {
    say(text, answer) {
      const done = wait(answer);
      socket.write(text);
      return done;
    },
    async upgrade(first, answer) {
      socket.removeAllListeners('data');
      const done = wait(answer);
      socket = await tls(first);
      listen(socket);
      return done;
    },
    end(text) {
      socket.end(text);
      socket.destroy();
    },
  };
}

// Asks a server for its POP3 greeting (and CAPA where STLS must be seen), over verified TLS, without any credentials.
import { runProbe, type ProbeDeps, type ProbeDialect, type ProbeTalk, type ProbeTarget } from './probe-runner.ts';

/** The lines of a CAPA answer (RFC 2449), or null where the server refused it. */
async function capa(talk: ProbeTalk): Promise<string[] | null> {
  talk.send('CAPA');
  if (!/^\+OK\b/i.test(await talk.next())) return null;
  const lines: string[] = [];
  for (let line = await talk.next(); line !== '.'; line = await talk.next()) lines.push(line.trim().toUpperCase());
  return lines;
}

const pop3Dialect: ProbeDialect = {
  async hello(talk, security) {
    if (!/^\+OK\b/i.test(await talk.next())) return false;
    // Over implicit TLS with a verified certificate, the greeting is the answer; with STLS, CAPA must offer it.
    if (security === 'tls') return true;
    return (await capa(talk))?.includes('STLS') ?? false;
  },
  async startTls(talk) {
    talk.send('STLS');
    return /^\+OK\b/i.test(await talk.next());
  },
  afterTls: async (talk) => (await capa(talk)) !== null,
  goodbye: 'QUIT',
};

/** True when `target` greets as a POP3 server (offering STLS where asked) with a trusted certificate. */
export function probePop3(target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal): Promise<boolean> {
  return runProbe(target, deps, pop3Dialect, signal);
}

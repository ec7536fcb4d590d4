// Asks a server for its IMAP greeting and CAPABILITY, over verified TLS, without any credentials.
import { runProbe, type ProbeDeps, type ProbeDialect, type ProbeTalk, type ProbeTarget } from './probe-runner.ts';

export type { ProbeDeps, ProbeTarget } from './probe-runner.ts';

/** Sends one tagged command and collects the untagged lines until its completion. */
async function command(talk: ProbeTalk, tag: string, text: string): Promise<{ ok: boolean; untagged: string[] }> {
  talk.send(`${tag} ${text}`);
  const untagged: string[] = [];
  for (;;) {
    const line = await talk.next();
    if (line.startsWith(`${tag} `)) return { ok: /^\S+ OK\b/i.test(line), untagged };
    untagged.push(line);
  }
}

function capabilitiesOf(lines: readonly string[]): string[] {
  const line = lines.find((candidate) => /^\* CAPABILITY /i.test(candidate)) ?? '';
  return line.slice('* CAPABILITY '.length).toUpperCase().split(' ');
}

const imapDialect: ProbeDialect = {
  async hello(talk, security) {
    if (!/^\* (OK|PREAUTH)\b/i.test(await talk.next())) return false;
    const first = await command(talk, 'A1', 'CAPABILITY');
    const capabilities = capabilitiesOf(first.untagged);
    if (!first.ok || !capabilities.some((cap) => cap === 'IMAP4REV1' || cap === 'IMAP4REV2')) return false;
    return security !== 'starttls' || capabilities.includes('STARTTLS');
  },
  startTls: async (talk) => (await command(talk, 'A2', 'STARTTLS')).ok,
  afterTls: async (talk) => (await command(talk, 'A3', 'CAPABILITY')).ok,
  goodbye: 'Z LOGOUT',
};

/** True when `target` greets as an IMAP server with a trusted certificate, within the time-out. */
export function probeImap(target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal): Promise<boolean> {
  return runProbe(target, deps, imapDialect, signal);
}

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

/** The capabilities a greeting carries in its response code (`* OK [CAPABILITY …] …`, RFC 9051 7.1), or null. */
function greetingCapabilities(greeting: string): string[] | null {
  const match = /^\* (?:OK|PREAUTH) \[CAPABILITY ([^\]]*)\]/i.exec(greeting);
  return match ? (match[1] ?? '').toUpperCase().split(' ') : null;
}

const speaksImap = (capabilities: readonly string[]) => capabilities.some((cap) => cap === 'IMAP4REV1' || cap === 'IMAP4REV2');

const imapDialect: ProbeDialect = {
  async hello(talk, security) {
    const greeting = await talk.next();
    if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) return false;
    // Most servers list their capabilities in the greeting: then asking again would only cost a
    // round trip. Without them, or without the STARTTLS a STARTTLS probe needs, CAPABILITY is asked.
    const offered = greetingCapabilities(greeting);
    if (offered && speaksImap(offered) && (security !== 'starttls' || offered.includes('STARTTLS'))) return true;
    const first = await command(talk, 'A1', 'CAPABILITY');
    const capabilities = capabilitiesOf(first.untagged);
    if (!first.ok || !speaksImap(capabilities)) return false;
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

// Asks a server for its SMTP greeting (and EHLO where STARTTLS must be seen), over verified TLS, without any credentials.
import { runProbe, type ProbeDeps, type ProbeDialect, type ProbeTalk, type ProbeTarget } from './probe-runner.ts';

/** One SMTP reply: its code and the text of each line (RFC 5321 4.2: "250-…" continues, "250 …" ends). */
async function reply(talk: ProbeTalk): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  for (;;) {
    const line = await talk.next();
    const match = /^([2-5][0-9]{2})([ -]|$)(.*)$/.exec(line);
    if (!match) return { code: 0, lines };
    lines.push(match[3] ?? '');
    if (match[2] !== '-') return { code: Number(match[1]), lines };
  }
}

// A probe has no name of its own to give; an address literal is what RFC 5321 4.1.4 allows then.
const ehlo = 'EHLO [127.0.0.1]';

const smtpDialect: ProbeDialect = {
  async hello(talk, security) {
    if ((await reply(talk)).code !== 220) return false;
    // Over implicit TLS with a verified certificate, an SMTP greeting is the answer: EHLO would
    // cost a round trip for nothing discovery uses. With STARTTLS, EHLO must show that it is offered.
    if (security === 'tls') return true;
    talk.send(ehlo);
    const answer = await reply(talk);
    if (answer.code !== 250) return false;
    return answer.lines.slice(1).some((line) => /^STARTTLS\b/i.test(line));
  },
  async startTls(talk) {
    talk.send('STARTTLS');
    return (await reply(talk)).code === 220;
  },
  async afterTls(talk) {
    talk.send(ehlo);
    return (await reply(talk)).code === 250;
  },
  goodbye: 'QUIT',
};

/** True when `target` greets as an SMTP server (EHLO, and STARTTLS where asked) with a trusted certificate. */
export function probeSmtp(target: ProbeTarget, deps: ProbeDeps, signal: AbortSignal): Promise<boolean> {
  return runProbe(target, deps, smtpDialect, signal);
}

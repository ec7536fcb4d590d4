// What an SMTP server offers, read from its EHLO reply: extensions and sign-in mechanisms.

/** The EHLO reply's offers. */
export interface EhloOffer {
  /** Extension keywords other than AUTH, upper-case (STARTTLS, PIPELINING, SIZE 35882577 …). */
  extensions: string[];
  /** SASL mechanisms after AUTH (empty when the AUTH line lists none, as Dovecot does in the clear). */
  mechanisms: string[];
  startTls: boolean;
}

/** Parses the reply to EHLO (the lines after the first, which names the server). */
export function parseEhlo(reply: string): EhloOffer {
  const lines = reply
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]/, '').trim())
    .filter((line) => line !== '');
  const mechanisms = new Set<string>();
  const extensions: string[] = [];
  for (const line of lines) {
    const auth = /^AUTH(?:[ =](.*))?$/i.exec(line);
    if (auth) {
      for (const name of (auth[1] ?? '').split(/[\s=]+/)) if (name) mechanisms.add(name.toUpperCase());
    } else {
      extensions.push(line.toUpperCase());
    }
  }
  return { extensions, mechanisms: [...mechanisms], startTls: extensions.includes('STARTTLS') };
}

/** The greeting step's words: the banner, then what EHLO offers. */
export function describeOffer(banner: string, offer: EhloOffer): string {
  const text = banner.replace(/^220[ -]/, '').trim() || 'Server ready';
  const methods = offer.mechanisms.length > 0 ? offer.mechanisms.join(', ') : 'none offered';
  return `${text} · extensions: ${offer.extensions.join(' ') || 'none'} · sign-in methods: ${methods}`;
}

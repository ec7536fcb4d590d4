// What an SMTP server offers, read from its EHLO reply: extensions and sign-in mechanisms.
import { stepText, type StepText } from '../../net/step-text.ts';

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

/** The greeting step's detail: the banner, then what EHLO offers. */
export function describeOffer(banner: string, offer: EhloOffer): StepText {
  const identity = banner.replace(/^220[ -]/, '').trim();
  const extensions = offer.extensions.join(' ');
  return stepText('greeting.smtp', {
    said: identity ? 'yes' : 'no',
    identity,
    listed: extensions ? 'yes' : 'no',
    extensions,
    offer: offer.mechanisms.length > 0 ? 'list' : 'none',
    mechanisms: offer.mechanisms.join(', '),
  });
}

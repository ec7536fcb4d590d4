// Expands the autoconfig placeholders (%EMAILADDRESS% and friends) for one address.
import type { EmailAddress } from './email-address.ts';

/** Replaces %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% with the parts of `email`. */
export function expandPlaceholders(template: string, email: EmailAddress): string {
  return template
    .replaceAll('%EMAILADDRESS%', email.address)
    .replaceAll('%EMAILLOCALPART%', email.localPart)
    .replaceAll('%EMAILDOMAIN%', email.domain);
}

/** True when a %NAME% placeholder survived expansion (%REALNAME% and the like are not ours to fill). */
export function hasPlaceholder(value: string): boolean {
  return /%[A-Za-z]+%/.test(value);
}

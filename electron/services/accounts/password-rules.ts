// The rule every password the accounts service accepts follows, whoever calls it.
import { CredentialTextSchema, maxPasswordLength } from '../../../shared/server-settings.ts';
import { ServiceError } from '../service-error.ts';

/** Throws invalid-request for an empty or over-long password or one with CR, LF or NUL. */
export function checkPassword(password: string): void {
  if (password === '') throw new ServiceError('invalid-request', 'The password is empty.');
  if (password.length > maxPasswordLength) throw new ServiceError('invalid-request', 'The password is too long.');
  if (!CredentialTextSchema.safeParse(password).success) {
    throw new ServiceError('invalid-request', 'The password must not contain line breaks or NUL characters.');
  }
}

// Which kind of secret the details screen asks for, and when a typed password is acceptable.
import { hasLineBreakingCharacters } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';
import type { DetailsState } from './wizard-state.ts';

/** What the secret section shows above (or instead of) the password box. */
export type AuthHint =
  | { readonly kind: 'password'; readonly provider: string | null }
  | { readonly kind: 'app-password'; readonly provider: string | null; readonly helpUrl: string | null; readonly learned: boolean }
  | { readonly kind: 'oauth2'; readonly provider: string | null; readonly helpUrl: string | null };

export function authHint(state: DetailsState): AuthHint {
  const provider = state.discovery?.provider ?? null;
  const name = provider?.name ?? null;
  if (provider?.auth === 'oauth2' && !state.passwordInsteadOfOAuth) return { kind: 'oauth2', provider: name, helpUrl: provider.helpUrl };
  if (provider?.auth === 'app-password') return { kind: 'app-password', provider: name, helpUrl: provider.helpUrl, learned: false };
  if (state.learnedAppPassword) return { kind: 'app-password', provider: name, helpUrl: state.learnedAppPassword.helpUrl, learned: true };
  return { kind: 'password', provider: name };
}

/** The error for a password, or undefined when it can be sent. */
export function passwordError(password: string): string | undefined {
  if (password === '') return messages.secret.passwordRequired;
  if (hasLineBreakingCharacters(password)) return messages.secret.passwordInvalid;
  return undefined;
}

/** Whether the secret section has a password box at all (not while waiting for browser sign-in). */
export function asksForPassword(state: DetailsState): boolean {
  return authHint(state).kind !== 'oauth2';
}

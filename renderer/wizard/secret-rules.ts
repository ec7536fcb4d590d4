// Which kind of secret the details screen asks for, and when a typed password is acceptable.
import { appPasswordPlatform, type AppPasswordPlatform } from '../../shared/providers/app-password-platform.ts';
import { hasLineBreakingCharacters } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';
import type { DetailsState } from './wizard-state.ts';

/** What the secret section shows above (or instead of) the password box. */
export type AuthHint =
  | { readonly kind: 'password'; readonly provider: string | null }
  | {
      readonly kind: 'app-password';
      readonly provider: string | null;
      readonly helpUrl: string | null;
      readonly learned: boolean;
      /** Whose term for an app password the texts use (ICU select value). */
      readonly platform: AppPasswordPlatform;
      /** What the user must do first, in plain words (Google: 2-Step Verification). */
      readonly firstStep: string | null;
    }
  | { readonly kind: 'oauth2'; readonly provider: string | null; readonly helpUrl: string | null };

export function authHint(state: DetailsState): AuthHint {
  const provider = state.discovery?.provider ?? null;
  const name = provider?.name ?? null;
  // Browser sign-in only where it can succeed: main says so when a client id is registered.
  if (provider?.browserSignIn === true && !state.passwordInsteadOfOAuth) return { kind: 'oauth2', provider: name, helpUrl: provider.helpUrl };
  // Without it, a provider that prefers OAuth2 leads with its app password, and says what comes first.
  if (provider?.auth === 'app-password' || provider?.auth === 'oauth2') {
    return { kind: 'app-password', provider: name, helpUrl: provider.helpUrl, learned: false, platform: appPasswordPlatform(provider.id), firstStep: provider.note ?? messages.secret.appPasswordFirstStep };
  }
  if (state.learnedAppPassword) return { kind: 'app-password', provider: name, helpUrl: state.learnedAppPassword.helpUrl, learned: true, platform: appPasswordPlatform(provider?.id), firstStep: null };
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

// Whose words a provider's app password goes by: Google's, Apple's and Microsoft's names for it differ per language, and QQ and NetEase call it an authorization code.

/** The platform whose term for "app password" the texts use (an ICU select value). */
export type AppPasswordPlatform = 'google' | 'apple' | 'microsoft' | 'authcode' | 'other';

const platforms: Readonly<Record<string, AppPasswordPlatform>> = {
  gmail: 'google',
  'google-workspace': 'google',
  outlook: 'microsoft',
  'microsoft-365': 'microsoft',
  icloud: 'apple',
  qq: 'authcode',
  'netease-163': 'authcode',
  'netease-126': 'authcode',
  'netease-yeah': 'authcode',
};

/** The platform of a provider by its id; `other` for every provider with no term of its own. */
export function appPasswordPlatform(providerId: string | undefined): AppPasswordPlatform {
  return (providerId !== undefined ? platforms[providerId] : undefined) ?? 'other';
}

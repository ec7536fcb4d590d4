// Which language to speak: locale tags from the system, the environment or the user, matched to the catalogues there are.
/** The source language; every other catalogue translates it. */
export const sourceLocale = 'en';

/** Test-only locales (never offered to users): accented and longer, and right-to-left. */
export const pseudoLocales = ['en-XA', 'en-XB'] as const;

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug']);

/** A system or POSIX locale name as a BCP 47 tag: `de_DE.UTF-8` → `de-DE`; `C`, `POSIX` and junk → undefined. */
export function normalizeTag(raw: string): string | undefined {
  const base = raw.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (base === '' || base === 'C' || base === 'POSIX') return undefined;
  try {
    return Intl.getCanonicalLocales(base)[0];
  } catch {
    return undefined;
  }
}

/**
 * The nearest available locale to the requested ones (strongest first), else English. The first
 * tag's exact or only same-language match is taken at once; anything else goes to
 * intl-localematcher's best fit, loaded only then (its data would slow every CLI start).
 */
export async function matchLocale(requested: readonly string[], available: readonly string[]): Promise<string> {
  const tags = requested.map(normalizeTag).filter((tag): tag is string => tag !== undefined);
  const first = tags[0];
  if (first === undefined) return sourceLocale;
  const pseudo = pseudoLocales.find((tag) => tag.toLowerCase() === first.toLowerCase());
  if (pseudo) return pseudo;
  const exact = available.find((tag) => tag.toLowerCase() === first.toLowerCase());
  if (exact) return exact;
  const language = first.split('-')[0]?.toLowerCase();
  const sameLanguage = available.filter((tag) => tag.split('-')[0]?.toLowerCase() === language);
  if (sameLanguage.length === 1 && sameLanguage[0]) return sameLanguage[0];
  const { match } = await import('@formatjs/intl-localematcher');
  return match(tags, [...available], sourceLocale, { algorithm: 'best fit' });
}

/** The writing direction of a locale's script. */
export function localeDirection(tag: string): 'ltr' | 'rtl' {
  if (tag === 'en-XB') return 'rtl';
  return rtlLanguages.has(tag.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** The language's own name for itself ("Deutsch", "日本語"), for the Language control. */
export function localeName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

// The catalogue files (locales/<tag>.json, one per language), each loaded only when its language is chosen.
import type { Catalogue } from './flatten.ts';
import { pseudoLocales, sourceLocale } from './locales.ts';

type Loader = () => Promise<Catalogue>;

function catalogueFiles(): Record<string, Loader> {
  try {
    // Vite (renderer, CLI bundle) and Vitest turn this into one lazily loaded chunk per file.
    return import.meta.glob<Catalogue>('./locales/*.json', { import: 'default' });
  } catch {
    // Plain Node (the CLI run from its sources): English only.
    return {};
  }
}

const loaders = new Map(Object.entries(catalogueFiles()).map(([path, load]) => [/([^/]+)\.json$/.exec(path)?.[1] ?? path, load]));

/** Every language a user may choose: English and one per catalogue file. */
export const availableLocales: readonly string[] = [sourceLocale, ...[...loaders.keys()].sort()];

/** The catalogue of a locale: its file, a pseudo-locale made from English, or nothing for English. */
export async function loadCatalogue(locale: string, english: Catalogue): Promise<Catalogue> {
  if ((pseudoLocales as readonly string[]).includes(locale)) {
    const { pseudoCatalogue } = await import('./pseudo-locale.ts');
    return pseudoCatalogue(english, locale === 'en-XB' ? 'rtl' : 'long');
  }
  return (await loaders.get(locale)?.()) ?? {};
}

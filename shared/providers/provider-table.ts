// The bundled provider table: every provider the app knows without asking the network.
import type { ProviderEntry } from './provider-schema.ts';
import { europeanProviders } from './providers-europe.ts';
import { globalProviders } from './providers-global.ts';
import { worldProviders } from './providers-world.ts';

/** All bundled providers; ids and address domains are unique across the table (the tests check). */
export const providerTable: readonly ProviderEntry[] = [...globalProviders, ...europeanProviders, ...worldProviders];

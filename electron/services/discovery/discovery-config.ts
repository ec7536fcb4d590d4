// Reads discovery's settings from the environment: MAIL_SETUP_ISPDB_URL beside the network's own.
import { EnvConfigError, netConfigFromEnv, type NetEnvConfig } from '../net/net-config.ts';

/** Thunderbird's public ISPDB; documents live at `<base><domain>`. */
export const defaultIspdbBaseUrl = 'https://autoconfig.thunderbird.net/v1.1/';

/** The environment-derived part of discovery's configuration. */
export interface DiscoveryEnvConfig extends NetEnvConfig {
  ispdbBaseUrl: string;
}

/** Normalises the ISPDB base so that appending a domain gives a document URL. */
export function parseIspdbBaseUrl(value: string): string {
  if (!URL.canParse(value)) throw new EnvConfigError(`MAIL_SETUP_ISPDB_URL: "${value}" is not a URL`);
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EnvConfigError('MAIL_SETUP_ISPDB_URL must be an http or https URL');
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Discovery's settings from `env`; unset or empty variables take the defaults, unusable ones throw EnvConfigError. */
export function discoveryConfigFromEnv(env: Readonly<Record<string, string | undefined>>): DiscoveryEnvConfig {
  const ispdb = env['MAIL_SETUP_ISPDB_URL']?.trim();
  return { ...netConfigFromEnv(env), ispdbBaseUrl: ispdb ? parseIspdbBaseUrl(ispdb) : defaultIspdbBaseUrl };
}

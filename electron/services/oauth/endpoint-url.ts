// Which authorization and token endpoint URLs the app will talk to: https, or http on loopback only.
import { OAuthError } from './oauth-error.ts';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Parses an endpoint URL and refuses anything a code or token could leak through: plain http
 * (except on the loopback interface, where test servers and local bridges run), credentials
 * in the URL, or a fragment.
 */
export function parseEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthError('not-configured', `The OAuth ${what} is not a URL.`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  if (!secure) throw new OAuthError('not-configured', `The OAuth ${what} must use https (${url.origin}).`);
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    throw new OAuthError('not-configured', `The OAuth ${what} must not hold credentials or a fragment.`);
  }
  return url;
}

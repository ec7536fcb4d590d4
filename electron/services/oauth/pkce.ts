// PKCE (RFC 7636, S256 only) and the `state` value of one sign-in, and their constant-time comparison.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A PKCE verifier, kept by the app, and the challenge sent with the authorization request. */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * A new verifier from 32 random bytes (43 base64url characters, the RFC's minimum length and
 * 256 bits of entropy) and its S256 challenge. `plain` is never offered: it would put the
 * verifier itself in the browser's address bar.
 */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

/** A new unguessable `state` for one authorization request (256 bits, base64url). */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether the `state` a redirect carried is the one this sign-in sent. Both are hashed first,
 * so the comparison takes the same time whatever the received value's length or content.
 */
export function statesMatch(expected: string, received: string | null | undefined): boolean {
  if (expected === '' || typeof received !== 'string' || received === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(received));
}

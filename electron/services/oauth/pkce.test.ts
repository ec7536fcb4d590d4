// Tests PKCE S256, state generation and the constant-time state comparison.
import { describe, expect, it } from 'vitest';
import { createPkcePair, createState, s256Challenge, statesMatch } from './pkce.ts';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier each time, with its S256 challenge', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.method).toBe('S256');
    expect(a.challenge).toBe(s256Challenge(a.verifier));
    expect(a.challenge).not.toBe(a.verifier);
    expect(b.verifier).not.toBe(a.verifier);
  });
});

describe('state', () => {
  it('is random and url-safe', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.toBe(state);
  });

  it('matches only the exact value', () => {
    const state = createState();
    expect(statesMatch(state, state)).toBe(true);
    expect(statesMatch(state, `${state}x`)).toBe(false);
    expect(statesMatch(state, state.slice(1))).toBe(false);
    expect(statesMatch(state, '')).toBe(false);
    expect(statesMatch(state, null)).toBe(false);
    expect(statesMatch('', '')).toBe(false);
  });
});

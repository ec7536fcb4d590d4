// Unit tests of one cause, one panel: a shared password refused by both servers, a known provider out of reach.
import { describe, expect, it } from 'vitest';
import type { Failure } from '../../shared/check-report.ts';
import type { ServerSection } from './check-run.ts';
import { causeOf } from './shared-cause.ts';

const failure = (category: Failure['category']): Failure => ({ category, message: `${category} message`, advice: 'advice', serverText: '' });
const section = (server: 'incoming' | 'outgoing', category: Failure['category'] | null): ServerSection => ({
  server,
  address: 'host:1',
  rows: [],
  tls: undefined,
  failure: category ? failure(category) : null,
});

describe('causeOf', () => {
  it('tells a password both servers refused once, only where one password serves both', () => {
    const both = [section('incoming', 'wrong-credentials'), section('outgoing', 'wrong-credentials')];
    expect(causeOf(both, { sharedPassword: true })).toMatchObject({ heading: 'Both servers refused the username or password.', covers: true });
    expect(causeOf(both, { sharedPassword: false })).toMatchObject({ heading: undefined, covers: false });
  });

  it('blames the network, not the spelling, when a known provider’s servers are out of reach', () => {
    const offline = [section('incoming', 'dns-not-found'), section('outgoing', 'timeout')];
    expect(causeOf(offline, { knownProvider: 'Gmail' })).toMatchObject({ heading: 'Your computer seems to be offline, or Gmail cannot be reached right now.', covers: true });
    expect(causeOf([section('incoming', 'dns-not-found')], { knownProvider: 'Gmail' })).toMatchObject({ covers: false });
    expect(causeOf(offline, {})).toMatchObject({ heading: undefined, covers: false });
    // A server that answered and refused is not out of reach.
    expect(causeOf([section('incoming', 'dns-not-found'), section('outgoing', 'wrong-credentials')], { knownProvider: 'Gmail' })?.heading).toBeUndefined();
  });

  it('has nothing to tell when nothing failed', () => {
    expect(causeOf([section('incoming', null), section('outgoing', null)], { sharedPassword: true })).toBeUndefined();
  });
});

// What a skipped row says: a test message that waited for a failed incoming server says so.
import { describe, expect, it } from 'vitest';
import { stepWords } from './step-words.ts';

const skipped = (detail: string) => ({ id: 'delivery' as const, status: 'skipped' as const, ms: 0, detail });

describe('stepWords for skipped rows', () => {
  it('says the test message was not sent because the incoming server did not work', () => {
    expect(stepWords('delivery', skipped('Not sent: the incoming server check did not pass.'), { failure: null })).toBe(
      'Not sent, because the incoming server did not work',
    );
  });

  it('keeps the usual words after an outgoing failure and for steps a connection does not need', () => {
    const failure = { category: 'wrong-credentials' as const, message: 'm', advice: 'a', serverText: '' };
    expect(stepWords('delivery', skipped('Not run: an earlier step failed.'), { failure })).toBe('Not tried, because an earlier step did not work');
    expect(stepWords('tls', { id: 'tls', status: 'skipped', ms: 0, detail: '' }, {})).toBe('Not needed for this connection');
  });
});

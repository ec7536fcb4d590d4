// Which links may go to the system browser: https pages on the provider table's help hosts, nothing else.
import { describe, expect, it, vi } from 'vitest';
import { providerTable } from '../../shared/providers/provider-table.ts';
import { createOpenExternal } from '../ipc/open-external.ts';
import { createOpenExternalPolicy } from './open-external-policy.ts';

const allow = createOpenExternalPolicy(['https://support.google.com/mail/answer/185833', null, 'not a url', 'http://plain.example/help']);

describe('createOpenExternalPolicy', () => {
  it('allows https pages on a help host, normalised', () => {
    expect(allow('https://support.google.com/mail/answer/185833')).toBe('https://support.google.com/mail/answer/185833');
    expect(allow('https://SUPPORT.google.com/accounts/answer/1?hl=en#x')).toBe('https://support.google.com/accounts/answer/1?hl=en#x');
  });

  it.each([
    'http://support.google.com/mail/answer/185833',
    'https://support.google.com.evil.example/',
    'https://evil.example/?https://support.google.com/',
    'https://user:pass@support.google.com/',
    'https://support.google.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-settings:privacy',
    'http://plain.example/help',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(allow(url)).toBeNull();
  });

  it('allows the help page of every provider in the bundled table', () => {
    const policy = createOpenExternalPolicy(providerTable.map((provider) => provider.helpUrl));
    for (const provider of providerTable) {
      if (provider.helpUrl !== null) expect(policy(provider.helpUrl), provider.id).not.toBeNull();
    }
  });
});

describe('createOpenExternal', () => {
  it('opens an allowed link and reports a refused one without opening it', async () => {
    const openExternal = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    const open = createOpenExternal({ openExternal, allow, onRefused });
    await expect(open('https://support.google.com/mail/answer/185833')).resolves.toBe(true);
    await expect(open('https://evil.example/')).resolves.toBe(false);
    expect(openExternal).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('https://support.google.com/mail/answer/185833', { activate: true });
    expect(onRefused).toHaveBeenCalledWith('https://evil.example/');
  });

  it('answers false when the OS cannot open the link', async () => {
    const open = createOpenExternal({ openExternal: async () => Promise.reject(new Error('no browser')), allow });
    await expect(open('https://support.google.com/')).resolves.toBe(false);
  });
});

// Unit tests of the settings form rules: validation as typed, and notes that explain a change.
import { describe, expect, it } from 'vitest';
import { cleanHost, fieldNotes, formFromDiscovery, manualForm, toServerSettings, validateSettings, withProtocol, withSecurity } from './settings-form.ts';

const form = { ...manualForm('a@example.test'), host: 'imap.example.test' };

describe('settings form', () => {
  it('accepts host names and IP literals, and ports 1 to 65535', () => {
    for (const host of ['imap.example.test', 'localhost', '127.0.0.1', '[::1]']) expect(validateSettings({ ...form, host })).toEqual({});
    for (const port of ['1', '993', '65535']) expect(validateSettings({ ...form, port })).toEqual({});
  });

  it('explains what is wrong with a host, port or username', () => {
    expect(validateSettings({ ...form, host: '' }).host).toMatch(/Enter the server name/);
    expect(validateSettings({ ...form, host: 'https://imap.example.test/' }).host).toMatch(/no spaces/);
    for (const port of ['0', '65536', '99999', 'abc', '', '9.5']) expect(validateSettings({ ...form, port }).port).toMatch(/1 to 65535/);
    expect(validateSettings({ ...form, username: '' }).username).toMatch(/Enter the username/);
  });

  it('builds the settings to send only when every field is valid', () => {
    expect(toServerSettings(' a@example.test ', { ...form, host: ' imap.example.test ' })).toEqual({
      email: 'a@example.test',
      host: 'imap.example.test',
      port: 993,
      security: 'tls',
      username: 'a@example.test',
      protocol: 'imap',
    });
    expect(toServerSettings('a@example.test', { ...form, port: '0' })).toBeUndefined();
  });

  it('warns about port 143 with SSL/TLS and 993 with STARTTLS, and about no encryption', () => {
    expect(fieldNotes({ ...form, port: '143' }, null).port?.[0]?.text).toMatch(/SSL\/TLS normally uses port 993/);
    expect(fieldNotes({ ...form, security: 'starttls' }, null).port?.[0]?.text).toMatch(/Port 993 expects SSL\/TLS/);
    expect(fieldNotes({ ...form, security: 'none', port: '143' }, null).security?.[0]).toMatchObject({ tone: 'warning' });
  });

  it('says which values differ from what discovery found', () => {
    const notes = fieldNotes({ ...form, port: '1993' }, form);
    expect(notes.port?.map((note) => note.text)).toContain('You changed this from 993, the value that was found.');
    expect(notes.host).toBeUndefined();
  });

  it('turns off the unencrypted-password permission when leaving "None"', () => {
    const none = withSecurity({ ...form, security: 'none', port: '143', allowInsecure: true }, 'starttls');
    expect(none.form.allowInsecure).toBe(false);
  });

  it('cleans up what people paste into Server, and names each change', () => {
    const pasted = (host: string, base = form) => cleanHost({ ...base, host });
    expect(pasted('imap.example.com:993', { ...form, port: '143' })).toMatchObject({ form: { host: 'imap.example.com', port: '993' }, changes: ['moved 993 to the port field'] });
    expect(pasted('imaps://imap.example.com', { ...form, security: 'starttls', port: '143' })).toMatchObject({
      form: { host: 'imap.example.com', security: 'tls', port: '993' },
      changes: ['removed “imaps://”'],
    });
    expect(pasted('https://Mail.Example.COM/owa/')).toMatchObject({ form: { host: 'mail.example.com' }, changes: ['removed “https://”', 'removed “/owa/”', 'changed capitals to lower case'] });
    expect(pasted('[::1]:10993').form).toMatchObject({ host: '[::1]', port: '10993' });
    // Nothing to clean: the very same form, so nothing is marked as edited.
    const clean = { ...form, host: 'imap.example.com' };
    expect(cleanHost(clean).form).toBe(clean);
    expect(cleanHost({ ...form, host: '::1' }).changes).toEqual([]);
  });

  it('switches to POP3 with the servers discovery found, or with the port following where nothing was found', () => {
    const found = {
      source: 'bundled' as const,
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' as const, username: 'a@gmail.com' },
      pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' as const, username: 'a@gmail.com' },
      provider: null,
    };
    const imap = formFromDiscovery('a@gmail.com', found);
    expect(imap).toMatchObject({ protocol: 'imap', host: 'imap.gmail.com' });
    expect(withProtocol(imap, 'pop3', 'a@gmail.com', found).form).toMatchObject({ protocol: 'pop3', host: 'pop.gmail.com', port: '995' });
    expect(formFromDiscovery('a@nifty.com', { ...found, imap: null })).toMatchObject({ protocol: 'pop3', host: 'pop.gmail.com' });
    const manual = withProtocol(form, 'pop3', 'a@example.test', null);
    expect(manual).toEqual({ form: { ...form, protocol: 'pop3', port: '995' }, portFollowed: true });
    expect(withSecurity(manual.form, 'starttls').form.port).toBe('110');
    expect(withProtocol({ ...form, port: '2995' }, 'pop3', 'a@example.test', null).form.port).toBe('2995');
    expect(toServerSettings('a@example.test', manual.form)?.protocol).toBe('pop3');
  });
});

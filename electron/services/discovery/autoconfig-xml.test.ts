// Tests the autoconfig parser on real-looking documents and on malformed and hostile ones.
import { describe, expect, it } from 'vitest';
import { AutoconfigRejectedError, maxAutoconfigBytes, parseAutoconfigXml } from './autoconfig-xml.ts';
import { parseEmailAddress } from './email-address.ts';

const email = parseEmailAddress('jo.doe@example.org');

function doc(incoming: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <displayName>Example &amp; Co Mail</displayName>
    ${incoming}
    <outgoingServer type="smtp"><hostname>smtp.example.org</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
    ${extra}
  </emailProvider>
</clientConfig>`;
}

function imap(host: string, port: string, socketType: string, username = '%EMAILADDRESS%', auth = 'password-cleartext'): string {
  return `<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType>
    <username>${username}</username><authentication>${auth}</authentication></incomingServer>`;
}

describe('parseAutoconfigXml', () => {
  it('reads the IMAP server, expands placeholders and maps SSL to tls', () => {
    const found = parseAutoconfigXml(
      doc(imap('mail.%EMAILDOMAIN%', '993', 'SSL', '%EMAILLOCALPART%'), '<documentation url="https://example.org/help"><descr lang="en">Help</descr></documentation>'),
      email,
    );
    expect(found).toEqual({
      imap: { host: 'mail.example.org', port: 993, security: 'tls', username: 'jo.doe' },
      pop3: null,
      pop3Only: false,
      // The outgoing entry names no username: it signs in as the address.
      smtp: { host: 'smtp.example.org', port: 465, security: 'tls', username: 'jo.doe@example.org' },
      displayName: 'Example & Co Mail',
      auth: 'password',
      helpUrl: 'https://example.org/help',
    });
  });

  it('prefers TLS over STARTTLS over plain, whatever the order, and maps each socket type', () => {
    const xml = doc(`${imap('plain.example.org', '143', 'plain')}${imap('starttls.example.org', '143', 'STARTTLS')}${imap('tls.example.org', '993', 'SSL')}`);
    expect(parseAutoconfigXml(xml, email)?.imap).toMatchObject({ host: 'tls.example.org', security: 'tls' });
    expect(parseAutoconfigXml(doc(imap('a.example.org', '143', 'STARTTLS')), email)?.imap?.security).toBe('starttls');
    expect(parseAutoconfigXml(doc(imap('a.example.org', '143', 'plain')), email)?.imap?.security).toBe('none');
  });

  it('prefers IMAP over POP3, says "POP3 only" when there is no IMAP, and null when there is neither', () => {
    const pop = '<incomingServer type="pop3"><hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>';
    const exchange = '<incomingServer type="exchange"><hostname>ex.example.org</hostname><url>https://ex.example.org/EWS</url></incomingServer>';
    expect(parseAutoconfigXml(doc(`${pop}${exchange}`), email)).toMatchObject({
      imap: null,
      pop3: { host: 'pop.example.org', port: 995, security: 'tls', username: 'jo.doe@example.org' },
      pop3Only: true,
      displayName: 'Example & Co Mail',
    });
    expect(parseAutoconfigXml(doc(exchange), email)).toBeNull();
    expect(parseAutoconfigXml(doc(`${pop}${imap('imap.example.org', '993', 'SSL')}`), email)).toMatchObject({ imap: { host: 'imap.example.org' }, pop3: { host: 'pop.example.org' }, pop3Only: false });
  });

  it('reads the outgoing server: TLS before STARTTLS, port 25 last, placeholders expanded', () => {
    const smtp = (host: string, port: string, socketType: string) =>
      `<outgoingServer type="smtp"><hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType><username>%EMAILLOCALPART%</username></outgoingServer>`;
    const body = (outgoing: string) => `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">
      ${imap('imap.example.org', '993', 'SSL')}${outgoing}</emailProvider></clientConfig>`;
    expect(parseAutoconfigXml(body(`${smtp('relay.%EMAILDOMAIN%', '25', 'STARTTLS')}${smtp('submit.example.org', '587', 'STARTTLS')}`), email)?.smtp).toEqual({
      host: 'submit.example.org', port: 587, security: 'starttls', username: 'jo.doe',
    });
    expect(parseAutoconfigXml(body(`${smtp('a.example.org', '587', 'STARTTLS')}${smtp('b.%EMAILDOMAIN%', '465', 'SSL')}`), email)?.smtp).toMatchObject({
      host: 'b.example.org', port: 465, security: 'tls',
    });
    expect(parseAutoconfigXml(body(''), email)?.smtp).toBeNull();
    expect(() => parseAutoconfigXml(body(smtp('bad host!', '465', 'SSL')), email)).toThrow(AutoconfigRejectedError);
  });

  it('labels OAuth2-only servers as oauth2', () => {
    expect(parseAutoconfigXml(doc(imap('imap.example.org', '993', 'SSL', '%EMAILADDRESS%', 'OAuth2')), email)?.auth).toBe('oauth2');
  });

  it('drops a documentation link that is not https', () => {
    const xml = doc(imap('imap.example.org', '993', 'SSL'), '<documentation url="http://example.org/help"/>');
    expect(parseAutoconfigXml(xml, email)?.helpUrl).toBeNull();
  });

  const hostile: [string, string][] = [
    ['an external entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${doc(imap('&xxe;', '993', 'SSL')).replace(/^<\?xml[^>]*>/, '')}`],
    ['a billion-laughs DTD', `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${doc(imap('imap.example.org', '993', 'SSL')).replace(/^<\?xml[^>]*>/, '')}`],
    ['a javascript: URL', doc(imap('imap.example.org', '993', 'SSL'), '<documentation url="javascript:alert(1)"/>')],
    ['a data: URL in an enable element', doc(imap('imap.example.org', '993', 'SSL'), '<enable visiturl="data:text/html,hi"><instruction>x</instruction></enable>')],
    ['a non-numeric port', doc(imap('imap.example.org', 'nine', 'SSL'))],
    ['a port out of range', doc(imap('imap.example.org', '99999', 'SSL'))],
    ['an unknown socket type', doc(imap('imap.example.org', '993', 'TLS1.3'))],
    ['a hostname with a path', doc(imap('imap.example.org/evil', '993', 'SSL'))],
    ['a hostname with a scheme', doc(imap('javascript:alert(1)', '993', 'SSL'))],
    ['a hostname given as markup', doc('<incomingServer type="imap"><hostname><b>x</b></hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>')],
    ['a missing port', doc('<incomingServer type="imap"><hostname>imap.example.org</hostname><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>')],
    ['an unknown placeholder in the username', doc(imap('imap.example.org', '993', 'SSL', '%REALNAME%'))],
    ['two providers', doc(imap('imap.example.org', '993', 'SSL')).replace('</clientConfig>', '<emailProvider id="b"><incomingServer type="imap"/></emailProvider></clientConfig>')],
    ['another root element', '<html><body>hello</body></html>'],
    ['broken XML', doc(imap('imap.example.org', '993', 'SSL')).replace('</emailProvider>', '')],
    ['an empty body', ''],
    ['JSON', '{"clientConfig": {}}'],
  ];

  it.each(hostile)('rejects a document with %s', (_label, xml) => {
    expect(() => parseAutoconfigXml(xml, email)).toThrow(AutoconfigRejectedError);
  });

  it('rejects a document over the size limit before parsing it', () => {
    const padding = `<!-- ${'x'.repeat(maxAutoconfigBytes)} -->`;
    const started = performance.now();
    expect(() => parseAutoconfigXml(doc(imap('imap.example.org', '993', 'SSL'), padding), email)).toThrow(/too large/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('rejects deeply nested markup without blowing the stack', () => {
    const deep = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
    expect(() => parseAutoconfigXml(doc(imap('imap.example.org', '993', 'SSL'), deep), email)).toThrow(AutoconfigRejectedError);
  });
});

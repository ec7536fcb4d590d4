// Provider data: internet providers and webmails of the Americas and Asia-Pacific, and mail hosts.
import { imapTls, smtpStarttls, smtpTls } from './server-presets.ts';
import type { ProviderEntry } from './provider-schema.ts';
import { providerNotes } from '../messages/provider-notes.ts';

/** Regional services outside Europe, then hosting companies found through a custom domain's MX. */
export const worldProviders: readonly ProviderEntry[] = [
  {
    id: 'comcast', name: 'Xfinity Connect (Comcast)', imapAvailable: true,
    domains: ['comcast.net'],
    imap: imapTls('imap.comcast.net'),
    smtp: smtpTls('smtp.comcast.net'),
    auth: 'password', helpUrl: null,
    note: providerNotes.xfinity,
  },
  {
    id: 'att', name: 'AT&T Mail', imapAvailable: true,
    domains: [
      'att.net', 'sbcglobal.net', 'bellsouth.net', 'pacbell.net', 'flash.net', 'swbell.net', 'ameritech.net',
      'prodigy.net', 'snet.net', 'wans.net', 'nvbell.net', 'currently.com',
    ],
    imap: imapTls('imap.mail.att.net'),
    smtp: smtpTls('smtp.mail.att.net'),
    // AT&T calls its app password a "secure mail key".
    auth: 'app-password', helpUrl: 'https://www.att.com/support/article/email-support/KM1240308/',
  },
  {
    id: 'spectrum', name: 'Spectrum (Charter)', imapAvailable: true,
    domains: ['charter.net', 'spectrum.net', 'bresnan.net'],
    imap: imapTls('mobile.charter.net'),
    // Spectrum runs implicit TLS on 587, not STARTTLS.
    smtp: { host: 'mobile.charter.net', port: 587, security: 'tls', username: '%EMAILADDRESS%' },
    auth: 'password', helpUrl: null,
  },
  {
    id: 'spectrum-twc', name: 'Spectrum (Time Warner Cable)', imapAvailable: true,
    domains: ['rr.com', 'twc.com', 'roadrunner.com'],
    imap: imapTls('mail.twc.com'),
    smtp: smtpStarttls('mail.twc.com'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'earthlink', name: 'EarthLink', imapAvailable: true,
    domains: ['earthlink.net', 'mindspring.com', 'ix.netcom.com'],
    imap: imapTls('imap.earthlink.net'),
    smtp: smtpStarttls('smtpauth.earthlink.net'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'centurylink', name: 'CenturyLink', imapAvailable: true,
    domains: ['centurylink.net', 'embarqmail.com'],
    imap: imapTls('mail.centurylink.net'),
    smtp: smtpStarttls('smtp.centurylink.net'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'bell', name: 'Bell', imapAvailable: true,
    domains: ['bell.net', 'sympatico.ca'],
    imap: imapTls('imap.bell.net'),
    smtp: smtpStarttls('smtphm.sympatico.ca'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'uol', name: 'UOL Mail', imapAvailable: true,
    domains: ['uol.com.br'],
    imap: imapTls('imap.uol.com.br', '%EMAILLOCALPART%'),
    smtp: smtpStarttls('smtps.uol.com.br', '%EMAILLOCALPART%'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'telstra', name: 'Telstra Mail (BigPond)', imapAvailable: true,
    domains: ['bigpond.com', 'bigpond.net.au', 'bigpond.net', 'telstra.com'],
    imap: imapTls('imap.telstra.com'),
    smtp: smtpTls('smtp.telstra.com'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'xtra', name: 'One NZ Xtra Mail', imapAvailable: true,
    domains: ['xtra.co.nz'],
    imap: imapTls('imap.xtra.co.nz'),
    smtp: smtpTls('send.xtra.co.nz'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'qq', name: 'QQ Mail', imapAvailable: true,
    domains: ['qq.com', 'vip.qq.com', 'foxmail.com'],
    imap: imapTls('imap.qq.com'),
    smtp: smtpTls('smtp.qq.com'),
    // Mail apps sign in with an "authorization code" generated in the QQ Mail settings.
    auth: 'app-password', helpUrl: 'https://service.mail.qq.com/',
    note: providerNotes.qq,
  },
  {
    id: 'netease-163', name: 'NetEase 163 Mail', imapAvailable: true,
    domains: ['163.com'],
    imap: imapTls('imap.163.com'),
    smtp: smtpTls('smtp.163.com'),
    auth: 'app-password', helpUrl: 'https://help.mail.163.com/',
    note: providerNotes.netease,
  },
  {
    id: 'netease-126', name: 'NetEase 126 Mail', imapAvailable: true,
    domains: ['126.com'],
    imap: imapTls('imap.126.com'),
    smtp: smtpTls('smtp.126.com'),
    auth: 'app-password', helpUrl: 'https://help.mail.163.com/',
    note: providerNotes.netease,
  },
  {
    id: 'netease-yeah', name: 'NetEase yeah.net Mail', imapAvailable: true,
    domains: ['yeah.net'],
    imap: imapTls('imap.yeah.net'),
    smtp: smtpTls('smtp.yeah.net'),
    auth: 'app-password', helpUrl: 'https://help.mail.163.com/',
    note: providerNotes.netease,
  },
  {
    id: 'yahoo-japan', name: 'Yahoo! JAPAN Mail', imapAvailable: true,
    domains: ['yahoo.co.jp'],
    imap: imapTls('imap.mail.yahoo.co.jp', '%EMAILLOCALPART%'),
    smtp: smtpTls('smtp.mail.yahoo.co.jp', '%EMAILLOCALPART%'),
    auth: 'password', helpUrl: null,
    note: providerNotes.yahooJapan,
    ispdbDiffers: 'Yahoo! JAPAN Mail offers IMAP at imap.mail.yahoo.co.jp; the ISPDB lists only its POP3 server.',
  },
  {
    id: 'naver', name: 'Naver Mail', imapAvailable: true,
    domains: ['naver.com'],
    imap: imapTls('imap.naver.com'),
    smtp: smtpTls('smtp.naver.com'),
    auth: 'password', helpUrl: null,
    note: providerNotes.naver,
  },
  {
    id: 'daum', name: 'Daum Mail', imapAvailable: true,
    domains: ['daum.net', 'hanmail.net'],
    imap: imapTls('imap.daum.net'),
    smtp: smtpTls('smtp.daum.net'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'ionos-us', name: 'IONOS (US)', imapAvailable: true,
    domains: [], mxSuffixes: ['ionos.com', '1and1.com'],
    imap: imapTls('imap.ionos.com'),
    smtp: smtpTls('smtp.ionos.com'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'rackspace', name: 'Rackspace Email', imapAvailable: true,
    domains: [], mxSuffixes: ['emailsrvr.com'],
    imap: imapTls('secure.emailsrvr.com'),
    smtp: smtpTls('secure.emailsrvr.com'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'namecheap', name: 'Namecheap Private Email', imapAvailable: true,
    domains: [], mxSuffixes: ['privateemail.com'],
    imap: imapTls('mail.privateemail.com'),
    smtp: smtpTls('mail.privateemail.com'),
    auth: 'password', helpUrl: null,
  },
  {
    id: 'migadu', name: 'Migadu', imapAvailable: true,
    domains: [], mxSuffixes: ['migadu.com'],
    imap: imapTls('imap.migadu.com'),
    smtp: smtpTls('smtp.migadu.com'),
    auth: 'password', helpUrl: null,
  },
];

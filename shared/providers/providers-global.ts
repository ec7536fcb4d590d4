// Provider data: the large international mail services, and those that offer no IMAP at all.
import { imapTls, pop3Tls, smtpStarttls, smtpTls } from './server-presets.ts';
import type { OAuth2Metadata, ProviderEntry } from './provider-schema.ts';
import { providerNotes } from '../messages/provider-notes.ts';

/** Google's OAuth2 endpoints; the client id is a placeholder until the app is registered. */
export const googleOAuth2: OAuth2Metadata = {
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  scopes: ['https://mail.google.com/'],
  clientId: 'REPLACE-WITH-GOOGLE-CLIENT-ID.apps.googleusercontent.com',
};

/** Microsoft identity platform endpoints for both personal and work accounts ("common" tenant). */
export const microsoftOAuth2: OAuth2Metadata = {
  authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
  clientId: 'REPLACE-WITH-MICROSOFT-CLIENT-ID',
};

const yahooCountries = [
  'ar', 'at', 'be', 'ca', 'ch', 'cl', 'co.id', 'co.in', 'co.nz', 'co.th', 'co.uk', 'co.za', 'com.ar',
  'com.au', 'com.br', 'com.co', 'com.hk', 'com.mx', 'com.my', 'com.ph', 'com.sg', 'com.tr', 'com.tw',
  'com.vn', 'cz', 'de', 'dk', 'es', 'fi', 'fr', 'gr', 'hu', 'ie', 'in', 'it', 'nl', 'no', 'pl', 'pt',
  'ro', 'se',
];

const outlookDomains = [
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'windowslive.com',
  'outlook.at', 'outlook.be', 'outlook.cl', 'outlook.cz', 'outlook.de', 'outlook.dk', 'outlook.es',
  'outlook.fr', 'outlook.hu', 'outlook.ie', 'outlook.in', 'outlook.it', 'outlook.jp', 'outlook.kr',
  'outlook.pt', 'outlook.sg', 'outlook.sk', 'outlook.com.ar', 'outlook.com.au', 'outlook.com.br',
  'outlook.com.gr', 'outlook.com.tr', 'hotmail.be', 'hotmail.ca', 'hotmail.ch', 'hotmail.cl',
  'hotmail.de', 'hotmail.dk', 'hotmail.es', 'hotmail.fi', 'hotmail.fr', 'hotmail.gr', 'hotmail.it',
  'hotmail.nl', 'hotmail.no', 'hotmail.se', 'hotmail.co.jp', 'hotmail.co.uk', 'hotmail.co.za',
  'hotmail.com.ar', 'hotmail.com.au', 'hotmail.com.br', 'hotmail.com.mx', 'hotmail.com.tr',
  'live.at', 'live.be', 'live.ca', 'live.cl', 'live.de', 'live.dk', 'live.fr', 'live.ie', 'live.in',
  'live.it', 'live.jp', 'live.nl', 'live.no', 'live.se', 'live.co.uk', 'live.co.za', 'live.com.ar',
  'live.com.au', 'live.com.mx',
];

/** Services used across the world, listed first so their MX suffixes win over regional ones. */
export const globalProviders: readonly ProviderEntry[] = [
  {
    id: 'gmail', name: 'Gmail', imapAvailable: true,
    domains: ['gmail.com', 'googlemail.com'],
    imap: imapTls('imap.gmail.com'),
    smtp: smtpTls('smtp.gmail.com'),
    pop3: pop3Tls('pop.gmail.com'),
    auth: 'app-password', appPasswordGroups: true, oauth2: googleOAuth2,
    helpUrl: 'https://myaccount.google.com/apppasswords',
    note: providerNotes.google,
  },
  {
    id: 'google-workspace', name: 'Google Workspace', imapAvailable: true,
    domains: [], mxSuffixes: ['google.com', 'googlemail.com'],
    imap: imapTls('imap.gmail.com'),
    smtp: smtpTls('smtp.gmail.com'),
    pop3: pop3Tls('pop.gmail.com'),
    auth: 'app-password', appPasswordGroups: true, oauth2: googleOAuth2,
    helpUrl: 'https://myaccount.google.com/apppasswords',
    note: providerNotes.workspace,
  },
  {
    id: 'outlook', name: 'Outlook.com', imapAvailable: true,
    domains: outlookDomains, mxSuffixes: ['olc.protection.outlook.com'],
    imap: imapTls('outlook.office365.com'),
    smtp: smtpStarttls('smtp-mail.outlook.com'),
    pop3: pop3Tls('outlook.office365.com'),
    // Outlook.com stopped accepting passwords and app passwords from mail apps in September 2024.
    auth: 'oauth2', oauth2: microsoftOAuth2,
    helpUrl: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
    note: providerNotes.microsoft,
  },
  {
    id: 'microsoft-365', name: 'Microsoft 365', imapAvailable: true,
    domains: [], mxSuffixes: ['mail.protection.outlook.com', 'mail.protection.partner.outlook.cn'],
    imap: imapTls('outlook.office365.com'),
    smtp: smtpStarttls('smtp.office365.com'),
    auth: 'oauth2', oauth2: microsoftOAuth2,
    helpUrl: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4',
    note: providerNotes.microsoft365,
  },
  {
    id: 'yahoo', name: 'Yahoo Mail', imapAvailable: true,
    // Cox moved its mailboxes to Yahoo in 2024.
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'myyahoo.com', 'cox.net', ...yahooCountries.map((tld) => `yahoo.${tld}`)],
    mxSuffixes: ['am0.yahoodns.net'],
    imap: imapTls('imap.mail.yahoo.com'),
    smtp: smtpTls('smtp.mail.yahoo.com'),
    pop3: pop3Tls('pop.mail.yahoo.com'),
    auth: 'app-password', helpUrl: 'https://help.yahoo.com/kb/SLN15241.html',
  },
  {
    id: 'aol', name: 'AOL Mail', imapAvailable: true,
    domains: [
      'aol.com', 'aim.com', 'verizon.net', 'netscape.net', 'cs.com', 'wmconnect.com', 'aol.de', 'aol.fr',
      'aol.it', 'aol.es', 'aol.se', 'aol.co.uk', 'aol.co.nz', 'aol.com.au', 'aol.com.ar', 'aol.com.br',
      'aol.com.mx',
    ],
    mxSuffixes: ['gm0.yahoodns.net'],
    imap: imapTls('imap.aol.com'),
    smtp: smtpTls('smtp.aol.com'),
    auth: 'app-password', helpUrl: 'https://help.aol.com/articles/Create-and-manage-app-password',
  },
  {
    id: 'icloud', name: 'iCloud Mail', imapAvailable: true,
    domains: ['icloud.com', 'me.com', 'mac.com'],
    // Apple documents the name part of the address as the username.
    imap: imapTls('imap.mail.me.com', '%EMAILLOCALPART%'),
    smtp: smtpStarttls('smtp.mail.me.com'),
    auth: 'app-password', helpUrl: 'https://support.apple.com/en-us/102654',
    note: providerNotes.icloud,
  },
  {
    id: 'fastmail', name: 'Fastmail', imapAvailable: true,
    domains: [
      'fastmail.com', 'fastmail.fm', 'fastmail.cn', 'fastmail.co.uk', 'fastmail.com.au', 'fastmail.de',
      'fastmail.es', 'fastmail.in', 'fastmail.jp', 'fastmail.net', 'fastmail.nl', 'fastmail.org',
      'fastmail.se', 'fastmail.to', 'fastmail.tw', 'fastmail.uk', 'fastmail.us', 'messagingengine.com',
      'sent.com', '123mail.org', 'mailbolt.com',
    ],
    mxSuffixes: ['messagingengine.com'],
    imap: imapTls('imap.fastmail.com'),
    smtp: smtpTls('smtp.fastmail.com'),
    auth: 'app-password', helpUrl: 'https://www.fastmail.help/hc/en-us/articles/360058752854-App-passwords',
  },
  {
    id: 'zoho', name: 'Zoho Mail', imapAvailable: true,
    domains: ['zoho.com', 'zohomail.com'],
    imap: imapTls('imap.zoho.com'),
    smtp: smtpTls('smtp.zoho.com'),
    auth: 'password', helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
    note: providerNotes.zoho,
  },
  {
    id: 'zoho-eu', name: 'Zoho Mail (EU)', imapAvailable: true,
    domains: ['zoho.eu', 'zohomail.eu'],
    imap: imapTls('imap.zoho.eu'),
    smtp: smtpTls('smtp.zoho.eu'),
    auth: 'password', helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
  },
  {
    id: 'zoho-in', name: 'Zoho Mail (India)', imapAvailable: true,
    domains: ['zoho.in', 'zohomail.in'],
    imap: imapTls('imap.zoho.in'),
    smtp: smtpTls('smtp.zoho.in'),
    auth: 'password', helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
  },
  {
    id: 'zoho-workplace', name: 'Zoho Workplace', imapAvailable: true,
    domains: [], mxSuffixes: ['zoho.com', 'zohomail.com'],
    imap: imapTls('imappro.zoho.com'),
    smtp: smtpTls('smtppro.zoho.com'),
    auth: 'password', helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
  },
  {
    id: 'zoho-workplace-eu', name: 'Zoho Workplace (EU)', imapAvailable: true,
    domains: [], mxSuffixes: ['zoho.eu', 'zohomail.eu'],
    imap: imapTls('imappro.zoho.eu'),
    smtp: smtpTls('smtppro.zoho.eu'),
    auth: 'password', helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
  },
  {
    id: 'proton', name: 'Proton Mail (via Proton Mail Bridge)', imapAvailable: true,
    domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    mxSuffixes: ['protonmail.ch'],
    // Proton's servers speak no IMAP; the Bridge app runs a local one with its own password.
    imap: { host: '127.0.0.1', port: 1143, security: 'starttls', username: '%EMAILADDRESS%' },
    // The Bridge's local SMTP server, with the same Bridge password.
    smtp: { host: '127.0.0.1', port: 1025, security: 'starttls', username: '%EMAILADDRESS%' },
    auth: 'app-password', helpUrl: 'https://proton.me/support/protonmail-bridge-install',
    note: providerNotes.proton,
  },
  {
    id: 'yandex', name: 'Yandex Mail', imapAvailable: true,
    domains: ['yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'yandex.com.tr', 'ya.ru', 'narod.ru'],
    mxSuffixes: ['yandex.net', 'yandex.ru'],
    imap: imapTls('imap.yandex.com'),
    smtp: smtpTls('smtp.yandex.com'),
    auth: 'app-password', helpUrl: 'https://yandex.com/support/id/authorization/app-passwords.html',
    note: providerNotes.yandex,
  },
  {
    id: 'mail-ru', name: 'Mail.ru', imapAvailable: true,
    domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru'],
    mxSuffixes: ['mail.ru'],
    imap: imapTls('imap.mail.ru'),
    smtp: smtpTls('smtp.mail.ru'),
    auth: 'app-password', helpUrl: 'https://help.mail.ru/mail/security/protection/external',
    note: providerNotes.mailRu,
  },
  {
    id: 'gmx-com', name: 'GMX', imapAvailable: true,
    domains: [
      'gmx.com', 'gmx.us', 'gmx.co.uk', 'gmx.fr', 'gmx.es', 'gmx.it', 'gmx.ca', 'gmx.com.br', 'gmx.ie',
      'gmx.pt', 'gmx.se', 'gmx.sg', 'gmx.tw', 'gmx.com.tr', 'gmx.li',
    ],
    imap: imapTls('imap.gmx.com'),
    smtp: smtpTls('mail.gmx.com'),
    auth: 'password', helpUrl: 'https://support.gmx.com/pop-imap/imap/server.html',
    note: providerNotes.gmx,
  },
  {
    id: 'mail-com', name: 'mail.com', imapAvailable: true,
    domains: [
      'mail.com', 'email.com', 'usa.com', 'post.com', 'consultant.com', 'myself.com', 'europe.com',
      'engineer.com', 'asia.com', 'iname.com', 'writeme.com', 'dr.com', 'cheerful.com', 'accountant.com',
      'techie.com', 'linuxmail.org', 'london.com',
    ],
    imap: imapTls('imap.mail.com'),
    smtp: smtpTls('smtp.mail.com'),
    auth: 'password', helpUrl: 'https://support.mail.com/pop-imap/imap/server.html',
    note: providerNotes.mailCom,
  },
  {
    id: 'tuta', name: 'Tuta Mail', imapAvailable: false,
    domains: ['tuta.com', 'tutanota.com', 'tutanota.de', 'tutamail.com', 'tuta.io', 'keemail.me'],
    mxSuffixes: ['tutanota.de'],
    auth: 'password', helpUrl: 'https://tuta.com/support',
    note: providerNotes.tuta,
  },
  {
    id: 'hey', name: 'HEY', imapAvailable: false,
    domains: ['hey.com'],
    auth: 'password', helpUrl: 'https://www.hey.com/',
    note: providerNotes.hey,
  },
];

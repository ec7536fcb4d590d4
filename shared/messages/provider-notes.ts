// What to know about a provider before signing in (English; the catalogue translates them): the provider tables point here.

/** One note per provider (or family of providers) that needs one, by a stable key. */
export const providerNotes = {
  gmx: 'POP3 and IMAP access must be switched on in the GMX settings first.',
  webDe: 'POP3 and IMAP access must be switched on in the WEB.DE settings first.',
  mailCom: 'POP3 and IMAP access must be switched on in the mail.com settings first.',
  google: 'App passwords need 2-Step Verification to be switched on for the Google account.',
  workspace: 'The Workspace administrator may have to allow IMAP and app passwords.',
  microsoft: 'App passwords need two-step verification to be switched on for the Microsoft account.',
  microsoft365: 'The Microsoft 365 administrator must allow IMAP for the mailbox.',
  icloud: 'Apple calls it an app-specific password: create one on account.apple.com under Sign-In and Security, which needs two-factor authentication for your Apple Account.',
  zoho: 'IMAP access must be switched on in Zoho Mail settings; with two-factor sign-in use an app-specific password.',
  proton: 'Install and sign in to Proton Mail Bridge first; use the password the Bridge shows, not your Proton password.',
  yandex: 'Create an app password for Mail in your Yandex ID (Security → App passwords) and use it instead of your Yandex password.',
  mailRu: 'Mail.ru calls it a password for an external application: create one in your account’s security settings and use it instead of your Mail.ru password.',
  qq: 'QQ Mail calls its app password an “authorization code”: switch on the IMAP/SMTP service in QQ Mail’s settings (Account), then use the authorization code it gives you instead of your QQ password.',
  netease: 'NetEase Mail calls its app password an “authorization code”: switch on the IMAP/SMTP service in the mailbox settings, then use the authorization code it gives you instead of your password.',
  tuta: 'Tuta Mail does not offer IMAP, so no mail app can connect to it. Use the Tuta app or its website instead.',
  hey: 'HEY does not offer IMAP, so no mail app can connect to it. Use the HEY app or its website instead.',
  xfinity: 'Third-party access must be allowed in the Xfinity email security settings.',
  yahooJapan: 'Switch on IMAP/POP/SMTP access in the Yahoo! JAPAN Mail settings first. The username is your Yahoo! JAPAN ID, which may differ from the part before the @.',
  naver: 'IMAP must be switched on in the Naver Mail settings first.',
} as const;

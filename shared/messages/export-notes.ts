// The notes an export comes with (what to do with the file, what to know), in English; `exportNotes.*` in the catalogue.
// The export's JSON carries them in English; the CLI says them in the user's language.

/** By target, then by note. */
export const exportNotes = {
  apple: {
    unsigned: 'The profile is not signed, so macOS and iOS show it as "Unsigned" or "Not Verified"; that is expected for a profile made on your own computer.',
    install:
      'On a Mac: open the file, then approve it in System Settings › Privacy & Security › Profiles. On an iPhone or iPad: send it by AirDrop or Mail, open it, then install it within 8 minutes in Settings › Profile Downloaded.',
    passwordInside: 'The file holds the password in plain text: keep it private and delete it after installing.',
    passwordAsked: 'The system asks for the password while installing.',
  },
  autoconfig: {
    publish: 'Publish it as https://autoconfig.{domain}/mail/config-v1.1.xml (or https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml): Thunderbird, Mail Setup and other clients read it from there.',
    literalUsername: 'The username is not derived from the address, so the file names it literally and fits this one account only.',
    noOutgoing: 'No outgoing server is saved, so the file has none; Thunderbird needs one to use the file.',
    oauth: 'Thunderbird accepts OAuth2 only for providers it knows (Google, Microsoft and a few others).',
  },
  mbsync: {
    save: 'Save it as ~/.mbsyncrc, create the folder ~/Mail/{name}/, then run: mbsync {name}',
    xoauth2: 'XOAUTH2 in mbsync needs the Cyrus SASL XOAUTH2 plugin (Debian: libsasl2-modules-kdexoauth2).',
  },
  msmtp: {
    save: 'Save it as ~/.config/msmtp/config (or ~/.msmtprc), readable only by you (chmod 600).',
    unencrypted: 'This server is reached without encryption (as saved in Mail Setup): the password crosses the network readable.',
  },
  neomutt: {
    save: 'Save it as ~/.config/neomutt/neomuttrc (or source it from there), readable only by you (chmod 600).',
    noOutgoing: 'No outgoing server is saved, so NeoMutt sends through the local sendmail.',
    unencrypted: 'A server is saved as unencrypted, so ssl_force_tls is off: NeoMutt will also accept unencrypted connections elsewhere.',
  },
  aerc: {
    save: 'Add it to ~/.config/aerc/accounts.conf, which must be readable only by you (chmod 600): aerc refuses it otherwise.',
    incomingUnencrypted: 'The incoming server is reached without encryption (as saved in Mail Setup).',
    outgoingUnencrypted: 'This outgoing server is unencrypted: aerc 0.17 and later need the "smtp+insecure" scheme for it (see aerc-smtp(5)), where "smtp" would try STARTTLS.',
    oauthTls: 'aerc signs in with OAuth2 over TLS (imaps) only.',
  },
  thunderbirdMobile: {
    scan: 'On the phone: Thunderbird › Import settings › Scan QR code.',
    passwordInside: 'The code holds the password: anyone who sees or photographs it can read it.',
    signIn: 'The phone asks you to sign in to your provider after scanning.',
    passwordAsked: 'The phone asks for the password after scanning.',
  },
  gnome: {
    apps: 'Evolution, Geary and other GNOME apps find the account in GNOME Online Accounts; it appears in Settings › Online Accounts.',
    copy: 'GNOME keeps its own copy of the password: Mail Setup updates it when you update the password here.',
  },
} as const;

// What discovery found: the provider as a logo-free badge, and where the settings came from.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { toUnicodeDomain } from '../../shared/email-address.ts';
import { emailDomain } from '../../shared/server-settings.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { SettingsOrigin } from './wizard-state.ts';
import { AddressSuggestion } from './address-suggestion.tsx';

export interface FoundSummaryProps {
  email: string;
  origin: SettingsOrigin;
  discovery: DiscoveryResult | null;
  discoveryError: string | null;
  /** Starts again with the address discovery suggests for a mistyped domain. */
  onUseSuggestion: (email: string) => void;
}

export function FoundSummary({ email, origin, discovery, discoveryError, onUseSuggestion }: FoundSummaryProps) {
  const domain = toUnicodeDomain(emailDomain(email));
  const m = messages.found;
  if (origin === 'manual') return <p className="lead">{m.manualChosen}</p>;
  if (origin === 'failed') return <Notice tone="warning">{format(messages.discovery.failed, { message: discoveryError ?? '' })}</Notice>;
  const suggestion = discovery?.suggestion;
  const provider = discovery?.provider;
  const name = provider?.name ?? domain;
  return (
    <div className="found">
      {suggestion && suggestion !== email && <AddressSuggestion email={suggestion} onUse={onUseSuggestion} />}
      {origin === 'found' && (
        <div className="provider">
          <span className="provider-badge" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <p className="provider-name">{name}</p>
            <p className="provider-source">{m.source[discovery?.source ?? 'none']}</p>
          </div>
        </div>
      )}
      {origin === 'none' && <Notice tone="info">{format(m.noneFound, { domain })}</Notice>}
      {/* A POP3-only provider has settings all the same: its note says what POP3 means, not that nothing works. */}
      {provider?.imapAvailable === false && <Notice tone={discovery?.pop3 ? 'info' : 'warning'}>{provider.note ?? format(m.noImap, { provider: provider.name })}</Notice>}
      {/* What to do first ("switch IMAP on in the settings"); app-password providers say it in their card. */}
      {provider?.imapAvailable !== false && provider?.auth === 'password' && provider.note && <Notice tone="info">{provider.note}</Notice>}
      {discovery?.needsConfirmation && <Notice tone="warning">{m.needsConfirmation}</Notice>}
    </div>
  );
}

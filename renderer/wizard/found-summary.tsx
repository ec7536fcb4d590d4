// What discovery found: the provider as a logo-free badge, and where the settings came from.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { emailDomain } from '../../shared/server-settings.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { SettingsOrigin } from './wizard-state.ts';

export interface FoundSummaryProps {
  email: string;
  origin: SettingsOrigin;
  discovery: DiscoveryResult | null;
  discoveryError: string | null;
}

export function FoundSummary({ email, origin, discovery, discoveryError }: FoundSummaryProps) {
  const domain = emailDomain(email);
  const m = messages.found;
  if (origin === 'manual') return <p className="lead">{m.manualChosen}</p>;
  if (origin === 'failed') return <Notice tone="warning">{format(messages.discovery.failed, { message: discoveryError ?? '' })}</Notice>;
  const provider = discovery?.provider;
  const name = provider?.name ?? domain;
  return (
    <div className="found">
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
      {provider?.imapAvailable === false && <Notice tone="warning">{format(m.noImap, { provider: provider.name })}</Notice>}
      {discovery?.needsConfirmation && <Notice tone="warning">{m.needsConfirmation}</Notice>}
    </div>
  );
}

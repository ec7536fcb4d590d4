// Browser sign-in for OAuth2 providers, shown instead of the password box.
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

export interface OAuthCardProps {
  provider: string;
  /** A sign-in is waiting for the browser or testing: the button rests until it ends. */
  busy: boolean;
  onSignIn: () => void;
  onUsePassword: () => void;
}

export function OAuthCard({ provider, busy, onSignIn, onUsePassword }: OAuthCardProps) {
  const m = messages.secret;
  return (
    <div className="card guidance">
      <p className="card-title">
        <Icon name="info" /> {format(m.oauthTitle, { provider })}
      </p>
      <p>{format(m.oauthBody, { provider })}</p>
      {/* data-sign-in: where the cursor starts on the details screen. */}
      <button type="button" className="primary" data-sign-in="" aria-disabled={busy || undefined} onClick={() => !busy && onSignIn()}>
        {format(m.oauthButton, { provider })}
      </button>
      {busy && <p className="field-hint">{format(m.oauthWaiting, { provider })}</p>}
      <button type="button" className="link-button" onClick={onUsePassword}>
        {m.oauthUsePassword}
      </button>
    </div>
  );
}

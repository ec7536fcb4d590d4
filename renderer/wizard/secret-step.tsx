// Step 3: the secret. App-password guidance before typing, browser sign-in for OAuth2, or a password.
import type { Dispatch, Ref } from 'react';
import { ExternalLink } from '../components/external-link.tsx';
import { Icon } from '../components/icons.tsx';
import { PasswordField } from '../components/password-field.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { OAuthCard } from './oauth-card.tsx';
import { authHint, passwordError } from './secret-rules.ts';
import type { DetailsState, WizardAction } from './wizard-state.ts';

export interface SecretStepProps {
  state: DetailsState;
  dispatch: Dispatch<WizardAction>;
  passwordRef: Ref<HTMLInputElement>;
  outgoingPasswordRef: Ref<HTMLInputElement>;
  onSignIn: () => void;
}

function GuidanceCard({ title, body, firstStep, link }: { title: string; body: string; firstStep?: string | null; link?: { url: string; text: string } | undefined }) {
  return (
    <div className="card guidance">
      <p className="card-title">
        <Icon name="info" /> {title}
      </p>
      <p>{body}</p>
      {firstStep && <p className="first-step">{firstStep}</p>}
      {link && (
        <ExternalLink url={link.url} className="button secondary">
          {link.text}
        </ExternalLink>
      )}
    </div>
  );
}

/** "Use the same password for outgoing mail", and the outgoing password when it is off. */
function OutgoingPassword({ state, dispatch, inputRef }: { state: DetailsState; dispatch: Dispatch<WizardAction>; inputRef: Ref<HTMLInputElement> }) {
  const { outgoing } = state;
  // A known provider's outgoing server takes the same password: nothing extra is asked.
  if (outgoing.collapsed) return null;
  const m = messages.outgoing;
  const showError = outgoing.touched.password || state.showAllErrors;
  return (
    <>
      <div className="field checkbox">
        <input
          id="same-password"
          type="checkbox"
          checked={outgoing.samePassword}
          onChange={(event) => dispatch({ type: 'outgoing-same-password-changed', same: event.target.checked })}
        />
        <label htmlFor="same-password">{m.samePasswordLabel}</label>
      </div>
      {!outgoing.samePassword && (
        <PasswordField
          id="outgoing-password"
          label={m.passwordLabel}
          value={outgoing.password}
          onChange={(password) => dispatch({ type: 'outgoing-password-changed', password })}
          error={showError ? passwordError(outgoing.password) : undefined}
          inputRef={inputRef}
        />
      )}
    </>
  );
}

export function SecretStep({ state, dispatch, passwordRef, outgoingPasswordRef, onSignIn }: SecretStepProps) {
  const m = messages.secret;
  const hint = authHint(state);
  const showError = state.touched.password || state.showAllErrors;
  const error = showError ? passwordError(state.password) : undefined;
  const provider = hint.provider ?? '';
  // Only a provider known to need one: an OAuth2 provider's password fallback, or a server's refusal, may still take another password.
  const appPassword = hint.kind === 'app-password' && !hint.learned && state.discovery?.provider?.auth === 'app-password';
  return (
    <fieldset className="section">
      {/* Where the provider needs an app password, the section and its field say so: the usual password would fail. */}
      <legend>{appPassword ? m.appPasswordLegend : m.legend}</legend>
      {hint.kind === 'app-password' && (
        <GuidanceCard
          title={hint.learned ? m.appPasswordLearnedTitle : format(m.appPasswordTitle, { provider, platform: hint.platform })}
          body={hint.learned ? m.appPasswordLearnedBody : format(m.appPasswordBody, { provider, platform: hint.platform })}
          firstStep={hint.firstStep}
          link={hint.helpUrl ? { url: hint.helpUrl, text: hint.learned ? m.appPasswordLinkGeneric : format(m.appPasswordLink, { provider, platform: hint.platform }) } : undefined}
        />
      )}
      {hint.kind === 'oauth2' ? (
        <OAuthCard
          provider={provider || m.yourProvider}
          busy={state.run.phase === 'running'}
          onSignIn={onSignIn}
          onUsePassword={() => dispatch({ type: 'password-instead-of-oauth' })}
        />
      ) : (
        <PasswordField
          id="password"
          label={appPassword ? m.appPasswordLabel : m.passwordLabel}
          value={state.password}
          onChange={(password) => dispatch({ type: 'password-changed', password })}
          error={error}
          notes={state.spacesRemoved ? [{ tone: 'info', text: format(m.spacesRemoved, { provider: provider || m.yourProvider }) }] : undefined}
          inputRef={passwordRef}
        />
      )}
      {hint.kind !== 'oauth2' && <OutgoingPassword state={state} dispatch={dispatch} inputRef={outgoingPasswordRef} />}
    </fieldset>
  );
}

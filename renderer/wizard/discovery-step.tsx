// Step 2 while it runs: a visible progress line, with Back and "Set up manually" at any moment.
import type { Dispatch } from 'react';
import { emailDomain } from '../../shared/server-settings.ts';
import { Icon } from '../components/icons.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { WizardAction } from './wizard-state.ts';

export function DiscoveryStep({ email, dispatch }: { email: string; dispatch: Dispatch<WizardAction> }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const domain = emailDomain(email);
  const m = messages.discovery;
  return (
    <div className="screen">
      <h1 tabIndex={-1} ref={headingRef}>
        {m.heading}
      </h1>
      <p className="progress-line" role="status">
        <Icon name="running" className="spinner" /> {format(m.progress, { domain })}
      </p>
      <p className="field-hint">{m.hint}</p>
      <div className="action-bar">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'back' })}>
          {messages.common.back}
        </button>
        <button type="button" className="primary" onClick={() => dispatch({ type: 'manual-chosen' })}>
          {m.manual}
        </button>
      </div>
    </div>
  );
}

// "Use this account in other apps": one choice per program this computer can hand the account to, and its panel.
import { useEffect, useState } from 'react';
import type { HandoffOptions } from '../../shared/handoff-view.ts';
import { call } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { ApplePanel } from './apple-panel.tsx';
import { CliPanel } from './cli-panel.tsx';
import { GnomePanel } from './gnome-panel.tsx';
import { ModalDialog } from './modal-dialog.tsx';
import { PhonePanel } from './phone-panel.tsx';

type Choice = 'phone' | 'apple' | 'gnome' | 'commandLine';

/** The account the dialog hands over: its address, and whether it signs in through the browser. */
export interface HandoffAccountRef {
  email: string;
  authKind: 'password' | 'oauth2';
}

/** Which choices the offered targets allow, in the order the dialog lists them. */
function choicesFor(targets: readonly string[]): Choice[] {
  const choices: Choice[] = [];
  if (targets.includes('thunderbird-mobile')) choices.push('phone');
  if (targets.includes('apple')) choices.push('apple');
  if (targets.includes('gnome')) choices.push('gnome');
  if (['msmtp', 'mbsync', 'aerc', 'neomutt'].some((target) => targets.includes(target))) choices.push('commandLine');
  return choices;
}

export function HandoffDialog({ account, onClose }: { account: HandoffAccountRef; onClose: () => void }) {
  const m = messages.handoff;
  const [options, setOptions] = useState<HandoffOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  useEffect(() => {
    let current = true;
    call('listHandoffTargets', {}).then(
      (value) => current && setOptions(value),
      (reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      current = false;
    };
  }, []);
  const { email } = account;
  const oauth = account.authKind === 'oauth2';
  return (
    <ModalDialog title={m.title} closeLabel={m.close} onClose={onClose}>
      <p>{format(m.intro, { email })}</p>
      {error && <Notice tone="error">{format(m.failed, { message: error })}</Notice>}
      {!options && !error && <p className="progress-line">{m.loading}</p>}
      {options && (
        <div className="handoff-choices" role="group" aria-label={format(m.choicesLabel, { email })}>
          {choicesFor(options.targets).map((name) => (
            <button key={name} type="button" className="secondary handoff-choice" aria-pressed={choice === name} data-handoff-choice={name} onClick={() => setChoice(name)}>
              {m[name]}
            </button>
          ))}
        </div>
      )}
      {options && choice === 'phone' && <PhonePanel email={email} oauth={oauth} />}
      {options && choice === 'apple' && <ApplePanel email={email} oauth={oauth} saveDialog={options.saveDialog} />}
      {options && choice === 'gnome' && <GnomePanel email={email} />}
      {options && choice === 'commandLine' && <CliPanel email={email} available={options.targets} saveDialog={options.saveDialog} />}
    </ModalDialog>
  );
}

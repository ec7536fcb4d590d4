// Apple Mail: the configuration profile, and what the Mac, iPhone or iPad will show while installing it.
import { messages } from '../messages/en.ts';
import { ConfigText } from './config-text.tsx';
import { ExportStatus } from './export-status.tsx';
import { useExportNow } from './use-export.ts';

export function ApplePanel({ email, oauth, saveDialog }: { email: string; oauth: boolean; saveDialog: boolean }) {
  const m = messages.handoff;
  if (oauth) return <p className="handoff-panel">{m.appleOauth}</p>;
  return <AppleProfile email={email} saveDialog={saveDialog} />;
}

function AppleProfile({ email, saveDialog }: { email: string; saveDialog: boolean }) {
  const m = messages.handoff;
  const state = useExportNow(email, 'apple');
  const view = state.phase === 'done' && state.view.kind === 'text' ? state.view : null;
  return (
    <div className="handoff-panel">
      <p>{m.appleSteps}</p>
      <ul className="handoff-steps">
        <li>{m.appleMac}</li>
        <li>{m.appleIphone}</li>
      </ul>
      <p className="field-hint">{m.appleUnsigned}</p>
      <ExportStatus state={state} />
      {view && <ConfigText email={email} target="apple" label={view.fileName} fileName={view.fileName} mediaType={view.mediaType} text={view.text} saveDialog={saveDialog} />}
    </div>
  );
}

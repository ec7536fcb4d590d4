// Thunderbird on a phone: the "Export for Mobile" QR code, with the password only when the user ticks the box.
import { useState } from 'react';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { ExportStatus } from './export-status.tsx';
import { useExportNow } from './use-export.ts';

export function PhonePanel({ email, oauth }: { email: string; oauth: boolean }) {
  const m = messages.handoff;
  const [includePassword, setIncludePassword] = useState(false);
  const state = useExportNow(email, 'thunderbird-mobile', includePassword);
  const view = state.phase === 'done' && state.view.kind === 'qr' ? state.view : null;
  return (
    <div className="handoff-panel">
      <p>{m.phoneSteps}</p>
      {oauth ? (
        <p className="field-hint">{m.oauthPhone}</p>
      ) : (
        <div className="field checkbox">
          <input id="handoff-include-password" type="checkbox" checked={includePassword} onChange={(event) => setIncludePassword(event.target.checked)} aria-describedby="handoff-include-password-hint" />
          <div>
            <label htmlFor="handoff-include-password">{m.includePassword}</label>
            <p id="handoff-include-password-hint" className="field-hint">
              {m.includePasswordHint}
            </p>
          </div>
        </div>
      )}
      <ExportStatus state={state} />
      {view && (
        <>
          {/* White behind the code in both themes: phone cameras read dark modules on light best. */}
          <img className="qr-code" src={view.imageDataUrl} alt={format(m.qrAlt, { email })} data-contains-password={view.containsPassword} />
          {view.containsPassword && <Notice tone="warning">{m.passwordInCode}</Notice>}
        </>
      )}
    </div>
  );
}

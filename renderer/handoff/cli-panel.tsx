// Command-line mail tools: msmtp, mbsync, aerc and NeoMutt configs that read the password from the keychain at run time.
import { useState } from 'react';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { ConfigText } from './config-text.tsx';
import { ExportStatus } from './export-status.tsx';
import { useExportNow } from './use-export.ts';

const programs = ['msmtp', 'mbsync', 'aerc', 'neomutt'] as const;
type Program = (typeof programs)[number];

export function CliPanel({ email, available, saveDialog }: { email: string; available: readonly string[]; saveDialog: boolean }) {
  const m = messages.handoff;
  const offered = programs.filter((program) => available.includes(program));
  const [program, setProgram] = useState<Program>(offered[0] ?? 'msmtp');
  const state = useExportNow(email, program);
  const view = state.phase === 'done' && state.view.kind === 'text' ? state.view : null;
  return (
    <div className="handoff-panel">
      <p>{m.cliIntro}</p>
      <div className="field">
        <label htmlFor="handoff-program">{m.programLabel}</label>
        <select id="handoff-program" value={program} onChange={(event) => setProgram(event.target.value as Program)}>
          {offered.map((name) => (
            <option key={name} value={name}>
              {m.programs[name]}
            </option>
          ))}
        </select>
      </div>
      <ExportStatus state={state} />
      {view && (
        <ConfigText
          key={program}
          email={email}
          target={program}
          label={format(m.configLabel, { program: m.programs[program] })}
          fileName={view.fileName}
          mediaType={view.mediaType}
          text={view.text}
          saveDialog={saveDialog}
        />
      )}
    </div>
  );
}

// A configuration file shown as text, with Copy, and Save (desktop app) or a download link (browser).
import { useState } from 'react';
import { call } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

export interface ConfigTextProps {
  email: string;
  target: 'apple' | 'msmtp' | 'mbsync' | 'aerc' | 'neomutt' | 'autoconfig';
  label: string;
  fileName: string;
  mediaType: string;
  text: string;
  saveDialog: boolean;
}

/** Copies through the Clipboard API, or the older selection command where the page may not use it. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

type Outcome = { tone: 'success' | 'error'; text: string } | null;

export function ConfigText({ email, target, label, fileName, mediaType, text, saveDialog }: ConfigTextProps) {
  const m = messages.handoff;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const id = `config-${target}`;
  const copy = async () => setOutcome((await copyText(text)) ? { tone: 'success', text: m.copied } : { tone: 'error', text: m.copyFailed });
  const save = async () => {
    try {
      const { saved } = await call('saveHandoffFile', { email, target });
      setOutcome(saved ? { tone: 'success', text: m.savedFile } : null);
    } catch (error) {
      setOutcome({ tone: 'error', text: format(m.failed, { message: error instanceof Error ? error.message : String(error) }) });
    }
  };
  return (
    <div className="config">
      <p id={`${id}-label`} className="config-label">
        {label}
      </p>
      {/* Focusable so that keyboard users can scroll a long file. */}
      <pre className="config-text" aria-labelledby={`${id}-label`} tabIndex={0} data-config-target={target}>
        {text}
      </pre>
      <div className="action-bar">
        <button type="button" className="secondary" onClick={() => void copy()}>
          {m.copy}
        </button>
        {saveDialog ? (
          <button type="button" className="secondary" onClick={() => void save()}>
            {m.save}
          </button>
        ) : (
          <a className="button secondary" href={`data:${mediaType};charset=utf-8,${encodeURIComponent(text)}`} download={fileName}>
            {format(m.download, { fileName })}
          </a>
        )}
      </div>
      <div role="status">{outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}</div>
    </div>
  );
}

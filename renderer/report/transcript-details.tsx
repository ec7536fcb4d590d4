// "Show details" under a finished report: the masked protocol transcript, and a button to copy it for support.
import { useState } from 'react';
import type { TranscriptLine } from '../../shared/check-report.ts';
import { showControlCharacters } from '../../shared/visible-text.ts';
import { messages } from '../messages/en.ts';

/** One transcript line as text: `+123ms incoming S: …` (C: for what the app sent). */
export function transcriptText(line: TranscriptLine): string {
  return `+${line.ms}ms ${line.server} ${line.from === 'client' ? 'C' : 'S'}: ${showControlCharacters(line.line)}`;
}

/** The transcript behind a disclosure; secrets are already masked by the check. */
export function TranscriptDetails({ lines }: { lines: readonly TranscriptLine[] }) {
  const [copied, setCopied] = useState(false);
  const text = lines.map(transcriptText).join('\n');
  const copy = () => {
    // The clipboard may refuse (no permission, no focus); the lines stay visible to select by hand.
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      .catch(() => undefined);
  };
  return (
    <details className="transcript">
      <summary>{messages.report.showDetails}</summary>
      <pre className="transcript-lines">{text}</pre>
      <button type="button" onClick={copy}>
        {messages.report.copyForSupport}
      </button>
      <span role="status">{copied ? messages.report.copied : ''}</span>
    </details>
  );
}

// Collects the protocol transcript of a check (contracts.md `--transcript`), every secret masked.
import type { ServerRole, TranscriptLine } from '../../../shared/check-report.ts';

/** How a secret appears in the transcript. */
export const transcriptMask = '•••';

/** A growing transcript; `add` masks every form of every secret before keeping a line. */
export interface TranscriptRecorder {
  add(server: ServerRole, from: 'client' | 'server', line: string): void;
  lines(): TranscriptLine[];
}

/** Starts a transcript whose times count from now. */
export function createTranscript(now: () => number, secretForms: readonly string[]): TranscriptRecorder {
  const started = now();
  const kept: TranscriptLine[] = [];
  return {
    add(server, from, line) {
      let text = line;
      for (const form of secretForms) text = text.split(form).join(transcriptMask);
      kept.push({ ms: Math.max(0, Math.round(now() - started)), server, from, line: text });
    },
    lines: () => [...kept],
  };
}

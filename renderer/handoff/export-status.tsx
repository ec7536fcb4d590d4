// What an export shows while it is made or when it failed: a busy line, or the reason in a notice.
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { ExportState } from './use-export.ts';

export function ExportStatus({ state, busyText = messages.handoff.loading }: { state: ExportState; busyText?: string }) {
  if (state.phase === 'loading') return <p className="progress-line">{busyText}</p>;
  if (state.phase === 'error') return <Notice tone="error">{format(messages.handoff.failed, { message: state.message })}</Notice>;
  return null;
}

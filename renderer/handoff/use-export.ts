// Asks main for one export of an account and follows it: loading, the export as shown, or the error's message.
import { useCallback, useEffect, useState } from 'react';
import type { HandoffTarget } from '../../shared/handoff-targets.ts';
import type { HandoffView } from '../../shared/handoff-view.ts';
import { call } from '../api.ts';

export type ExportState = { phase: 'idle' } | { phase: 'loading' } | { phase: 'done'; view: HandoffView } | { phase: 'error'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the export on demand (`run`); a newer run wins over an older one still on its way. */
export function useExport(email: string, target: HandoffTarget, includePassword = false): { state: ExportState; run: () => void } {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const [runId, setRunId] = useState(0);
  const run = useCallback(() => setRunId((id) => id + 1), []);
  useEffect(() => {
    if (runId === 0) return undefined;
    let current = true;
    setState({ phase: 'loading' });
    call('exportAccount', { email, target, includePassword }).then(
      (view) => current && setState({ phase: 'done', view }),
      (error: unknown) => current && setState({ phase: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [runId, email, target, includePassword]);
  return { state, run };
}

/** Like {@link useExport}, started at once and again whenever its inputs change. */
export function useExportNow(email: string, target: HandoffTarget, includePassword = false): ExportState {
  const { state, run } = useExport(email, target, includePassword);
  useEffect(run, [run, email, target, includePassword]);
  return state;
}

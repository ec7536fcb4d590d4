// Which writer makes each file target's export.
import type { HandoffFileTarget } from '../../../shared/handoff-targets.ts';
import { writeMsmtp } from './msmtp-writer.ts';
import { unexpressible, type HandoffWriter } from './writer.ts';

const notYet: HandoffWriter = () => {
  throw unexpressible('This target is not available yet.');
};

/** The writer of every target that produces a file or a QR payload. */
export const handoffWriters: Record<HandoffFileTarget, HandoffWriter> = {
  'thunderbird-mobile': notYet,
  apple: notYet,
  msmtp: writeMsmtp,
  mbsync: notYet,
  aerc: notYet,
  neomutt: notYet,
  autoconfig: notYet,
};

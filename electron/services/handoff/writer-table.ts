// Which writer makes each file target's export.
import type { HandoffFileTarget } from '../../../shared/handoff-targets.ts';
import { writeAerc } from './aerc-writer.ts';
import { writeApple } from './apple-writer.ts';
import { writeAutoconfig } from './autoconfig-writer.ts';
import { writeMbsync } from './mbsync-writer.ts';
import { writeMsmtp } from './msmtp-writer.ts';
import { writeNeomutt } from './neomutt-writer.ts';
import { writeThunderbirdMobile } from './thunderbird-mobile-writer.ts';
import type { HandoffWriter } from './writer.ts';

/** The writer of every target that produces a file or a QR payload. */
export const handoffWriters: Record<HandoffFileTarget, HandoffWriter> = {
  'thunderbird-mobile': writeThunderbirdMobile,
  apple: writeApple,
  msmtp: writeMsmtp,
  mbsync: writeMbsync,
  aerc: writeAerc,
  neomutt: writeNeomutt,
  autoconfig: writeAutoconfig,
};

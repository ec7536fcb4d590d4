// Which writer makes each file target's export, loaded only when asked for (the Apple profile's plist library stays unloaded for an msmtp export).
import type { HandoffFileTarget } from '../../../shared/handoff-targets.ts';
import type { HandoffWriter } from './writer.ts';

/** The writer of every target that produces a file or a QR payload. */
export const handoffWriters: Record<HandoffFileTarget, () => Promise<HandoffWriter>> = {
  'thunderbird-mobile': async () => (await import('./thunderbird-mobile-writer.ts')).writeThunderbirdMobile,
  apple: async () => (await import('./apple-writer.ts')).writeApple,
  msmtp: async () => (await import('./msmtp-writer.ts')).writeMsmtp,
  mbsync: async () => (await import('./mbsync-writer.ts')).writeMbsync,
  aerc: async () => (await import('./aerc-writer.ts')).writeAerc,
  neomutt: async () => (await import('./neomutt-writer.ts')).writeNeomutt,
  autoconfig: async () => (await import('./autoconfig-writer.ts')).writeAutoconfig,
};

// After a new password: whether GNOME's copy got it too, and which programs keep a copy the user must change there.
import type { CopiesOutcome } from '../../shared/handoff-view.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

/** The sentence naming the copies Mail Setup cannot reach, or null when there are none. */
function elsewhere(unreachable: CopiesOutcome['unreachable']): string | null {
  const phone = unreachable.includes('thunderbird-mobile');
  const apple = unreachable.includes('apple');
  const m = messages.handoff;
  if (phone && apple) return m.elsewherePhoneApple;
  if (phone) return m.elsewherePhone;
  return apple ? m.elsewhereApple : null;
}

export function CopiesNote({ outcome }: { outcome: CopiesOutcome }) {
  const m = messages.handoff;
  const other = elsewhere(outcome.unreachable);
  return (
    <>
      {outcome.updated.includes('gnome') && <Notice tone="success">{m.gnomeCopyUpdated}</Notice>}
      {outcome.failed.map((failure) => (
        <Notice key={failure.copy} tone="warning">
          {format(m.gnomeCopyFailed, { message: failure.message })}
        </Notice>
      ))}
      {other && <Notice tone="info">{other}</Notice>}
    </>
  );
}

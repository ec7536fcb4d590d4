// The "Use in other apps" button: opens the hand-off dialog for one saved account; focus comes back here when it closes.
import { useState } from 'react';
import { messages } from '../messages/en.ts';
import { handOffClosed } from './hand-off-closed.ts';
import { HandoffDialog, type HandoffAccountRef } from './handoff-dialog.tsx';

export function UseInOtherApps({ account, className = 'secondary' }: { account: HandoffAccountRef; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {messages.handoff.open}
      </button>
      {open && (
        <HandoffDialog
          account={account}
          onClose={() => {
            setOpen(false);
            handOffClosed(account.email);
          }}
        />
      )}
    </>
  );
}

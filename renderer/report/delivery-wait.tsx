// The wait for a test message, shown as it goes: seconds so far of the minute it may take.
import { useEffect, useState } from 'react';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

/** How long the check waits for a test message by default (the CLI's and the app's limit). */
const limitSeconds = 60;

/** Counts the seconds since the test message's step started, with a bar towards the limit. */
export function DeliveryWait() {
  const [started] = useState(() => Date.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [started]);
  const m = messages.testMessage;
  return (
    <div className="delivery-wait">
      <progress max={limitSeconds} value={Math.min(seconds, limitSeconds)} aria-label={m.waitingLabel} />
      <span className="delivery-wait-text">{format(m.waiting, { seconds })}</span>
    </div>
  );
}

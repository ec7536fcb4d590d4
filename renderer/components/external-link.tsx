// A link that opens in the system browser through main (the app window itself never navigates).
import type { ReactNode } from 'react';
import { call } from '../api.ts';

export function ExternalLink({ url, className, children }: { url: string; className?: string; children: ReactNode }) {
  return (
    <a
      href={url}
      className={className}
      rel="noreferrer noopener"
      onClick={(event) => {
        event.preventDefault();
        // Main checks the URL against its own policy; a refusal needs no message here.
        call('openExternal', { url }).catch(() => undefined);
      }}
    >
      {children}
    </a>
  );
}

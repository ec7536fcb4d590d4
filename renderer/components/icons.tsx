// Small inline SVG icons; decorative (aria-hidden), the text beside them carries the meaning.
import type { ReactElement } from 'react';

type IconName = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'padlock' | 'open-lock' | 'warning' | 'info';

const paths: Record<IconName, ReactElement> = {
  pending: <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 2" />,
  running: <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  passed: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.8 8.3l2.1 2.1 4.3-4.6" fill="none" stroke="var(--on-accent)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  failed: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--on-accent)" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  skipped: <path d="M4 8h8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />,
  padlock: (
    <>
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5.2a2.8 2.8 0 0 1 5.6 0V7" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </>
  ),
  'open-lock': (
    <>
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5.2a2.8 2.8 0 0 1 5.5-.8" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.5l7 12.5H1z" fill="currentColor" />
      <path d="M8 6v3.6M8 11.6v.1" stroke="var(--on-accent)" strokeWidth="1.7" strokeLinecap="round" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7.2v4M8 4.8v.1" stroke="var(--on-accent)" strokeWidth="1.7" strokeLinecap="round" />
    </>
  ),
};

/** One icon at text size; `className` picks the colour. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon icon-${name}${className ? ` ${className}` : ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}

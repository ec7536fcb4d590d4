// A one-paragraph notice with an icon that matches its tone.
import type { ReactNode } from 'react';
import { Icon } from './icons.tsx';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const icons = { info: 'info', success: 'passed', warning: 'warning', error: 'failed' } as const;

export function Notice({ tone, children }: { tone: NoticeTone; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`}>
      <Icon name={icons[tone]} />
      <span>{children}</span>
    </p>
  );
}

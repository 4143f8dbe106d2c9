import type { ReactNode } from 'react';

/** A small status word; colour is never the only signal, the word says it too. */
export function Pill({ tone, children, testId }: { tone: 'ok' | 'todo' | 'wait' | 'error'; children: ReactNode; testId?: string }) {
  return <span className={`pill pill-${tone}`} data-testid={testId}>{children}</span>;
}

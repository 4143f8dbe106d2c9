import type { ReactNode } from 'react';

interface ToggleButtonProps {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  disabled?: boolean;
  testId?: string;
}

/** One tap per service: a large button that shows its state by colour, tick and aria-pressed. */
export function ToggleButton({ pressed, onToggle, children, disabled, testId }: ToggleButtonProps) {
  return (
    <button type="button" className={`toggle${pressed ? ' toggle-on' : ''}`} aria-pressed={pressed} onClick={onToggle} disabled={disabled} data-testid={testId}>
      <span className="toggle-mark" aria-hidden="true">{pressed ? '✓' : ''}</span>
      <span>{children}</span>
    </button>
  );
}

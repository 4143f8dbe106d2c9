import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  wide?: boolean;
}

/** At least 48 px tall everywhere (styles.css): thumbs, gloves, shaky hands on a motorbike seat. */
export function Button({ variant = 'primary', wide = false, className = '', type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={`btn btn-${variant}${wide ? ' btn-wide' : ''} ${className}`.trim()} {...rest} />;
}

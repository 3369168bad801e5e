import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  /** Disabled and marked busy while an action runs; `busyLabel` replaces the text meanwhile. */
  busy?: boolean;
  busyLabel?: string;
};

/** A button in one of the dashboard's variants; `type="button"` unless told otherwise. */
export function Button({ variant = 'secondary', busy = false, busyLabel, className, disabled, children, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, variant === 'secondary' ? '' : variant, className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

import type { HTMLAttributes, ReactNode } from 'react';

type PanelProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  title?: ReactNode;
  /** Buttons or links at the right of the title. */
  actions?: ReactNode;
  /** Shows a close button calling this. */
  onClose?: () => void;
  closeTestId?: string;
  /** `aside` for a side panel (full-screen on phones), `section` inside another view. */
  as?: 'aside' | 'section';
  children?: ReactNode;
};

/** A titled box: a header with actions and an optional close, then the body. */
export function Panel({ title, actions, onClose, closeTestId, as = 'section', className, children, ...rest }: PanelProps) {
  const Tag = as;
  const base = as === 'aside' ? 'panel' : 'side';
  return (
    <Tag className={`${base}${className ? ` ${className}` : ''}`} {...rest}>
      {(title || actions || onClose) && (
        <header className="panel-head">
          <div className="panel-title">{typeof title === 'string' ? <h2>{title}</h2> : title}</div>
          <div className="panel-actions">
            {actions}
            {onClose && (
              <button type="button" className="link" aria-label="Close" data-testid={closeTestId} onClick={onClose}>
                close ✕
              </button>
            )}
          </div>
        </header>
      )}
      {children}
    </Tag>
  );
}

/** A row of controls (filters, search, buttons) that wraps on narrow screens. */
export function Toolbar({ className, children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div role="toolbar" className={`toolbar${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';

/** Nothing to show yet, said plainly. */
export function EmptyState({ children, testId }: { children?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      {children ?? 'Nothing here yet.'}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      {label}
    </div>
  );
}

/** Anything thrown by the API client, as {status, error, field, message}. */
export interface ErrorInfo {
  status: number | null;
  error: string | null;
  field: string | null;
  message: string;
}

/** Reads an ApiError, a server error body or anything else thrown into one shape. */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) {
    return { status: error.status, error: error.error ?? null, field: error.field, message: error.message };
  }
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { status?: number; error?: string; field?: string; message: unknown };
    return { status: e.status ?? null, error: e.error ?? null, field: e.field ?? null, message: String(e.message) };
  }
  return { status: null, error: null, field: null, message: String(error) };
}

/**
 * An API error, readable: "404 not found · no such job: 42 (field: id)", with a retry button when given one.
 * `testId` names the message itself, so a test can read it without the status.
 */
export function ErrorState({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const info = errorInfo(error);
  return (
    <div className="error-state" role="alert" data-status={info.status ?? ''}>
      {info.status !== null && (
        <strong className="error-code">
          {info.status}
          {info.error ? ` ${info.error.replace(/_/g, ' ')}` : ''}
        </strong>
      )}
      <span className="error-message" data-testid={testId}>
        {info.message}
      </span>
      {info.field && <span className="muted">(field: {info.field})</span>}
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          retry
        </button>
      )}
    </div>
  );
}

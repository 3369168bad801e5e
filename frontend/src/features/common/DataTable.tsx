import type { ReactNode } from 'react';
import { EmptyState } from './states';

/** A column: its header and how a row's cell reads. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  className?: string;
}

/** Page controls under the table: page is 0-based; `total` enables "page x of y". */
export interface Paging {
  page: number;
  size: number;
  total?: number;
  hasMore?: boolean;
  onPage: (page: number) => void;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Extra attributes per row, e.g. `data-testid`. */
  rowProps?: (row: T) => Record<string, string | undefined>;
  empty?: ReactNode;
  paging?: Paging;
  testId?: string;
  /** Hides the header row (lists whose columns speak for themselves). */
  headless?: boolean;
}

/** Rows under column headers; clickable rows open on click and Enter; an empty state when there are none. */
export function DataTable<T>({ columns, rows, rowKey, onRowClick, rowProps, empty, paging, testId, headless }: DataTableProps<T>) {
  if (rows.length === 0 && !paging?.page) return <EmptyState testId={testId ? `${testId}-empty` : undefined}>{empty}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        {!headless && (
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className={onRowClick ? 'row-click' : undefined}
              tabIndex={onRowClick ? 0 : undefined}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
              onKeyDown={onRowClick ? (e) => e.key === 'Enter' && onRowClick(row) : undefined}
              {...rowProps?.(row)}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {paging && <PageControls paging={paging} />}
    </div>
  );
}

function PageControls({ paging }: { paging: Paging }) {
  const { page, size, total, hasMore, onPage } = paging;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / size));
  const more = pages !== undefined ? page + 1 < pages : !!hasMore;
  return (
    <nav className="pager" aria-label="pages">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)} data-testid="pager-prev">
        ‹ prev
      </button>
      <span className="muted">
        page {page + 1}
        {pages !== undefined && ` of ${pages}`}
      </span>
      <button type="button" disabled={!more} onClick={() => onPage(page + 1)} data-testid="pager-next">
        next ›
      </button>
    </nav>
  );
}

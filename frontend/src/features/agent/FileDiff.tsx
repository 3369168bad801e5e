import { Decoration, Diff, Hunk, type FileData } from 'react-diff-view';
import 'react-diff-view/style/index.css';
import type { ChangedFile } from '../../api/types';

const STATUS_LETTERS: Record<ChangedFile['status'], string> = { added: 'A', modified: 'M', deleted: 'D', renamed: 'R' };

/** A file's status as one coloured letter, its name the tooltip. */
export function FileStatus({ file }: { file: ChangedFile }) {
  return (
    <span className={`file-status file-${file.status}`} title={file.untracked ? `${file.status} (untracked)` : file.status}>
      {STATUS_LETTERS[file.status] ?? '?'}
    </span>
  );
}

/** Lines added and deleted, or why there are no counts. */
export function LineCounts({ file }: { file: ChangedFile }) {
  if (file.binary) return <span className="muted">binary</span>;
  if (file.additions == null) return <span className="muted">not shown</span>;
  return (
    <span className="line-counts" data-testid="line-counts">
      <span className="count-add">+{file.additions}</span> <span className="count-del">-{file.deletions}</span>
    </span>
  );
}

/** One file of the diff: its header, then its hunks, each under its @@ header, additions green, deletions red. */
export function FileDiff({ file, diff }: { file: ChangedFile; diff: FileData | undefined }) {
  return (
    <section className="file-diff" data-testid="file-diff" data-path={file.path}>
      <header className="file-diff-head">
        <FileStatus file={file} />
        <span className="mono">{file.oldPath ? `${file.oldPath} → ${file.path}` : file.path}</span>
        {file.untracked && <span className="badge">untracked</span>}
        <span className="spacer" />
        <LineCounts file={file} />
      </header>
      {diff && diff.hunks.length > 0 ? (
        <Diff viewType="unified" diffType={diff.type} hunks={diff.hunks}>
          {(hunks) =>
            hunks.flatMap((hunk) => [
              <Decoration key={`head-${hunk.content}`} className="diff-hunk-header">
                {hunk.content}
              </Decoration>,
              <Hunk key={hunk.content} hunk={hunk} />,
            ])
          }
        </Diff>
      ) : (
        <div className="muted file-diff-empty">{emptyReason(file, diff)}</div>
      )}
    </section>
  );
}

function emptyReason(file: ChangedFile, diff: FileData | undefined): string {
  if (file.binary) return 'Binary file: no text to show.';
  if (diff && file.status === 'renamed') return 'Renamed without changes.';
  if (diff) return 'No line changes (mode or type only).';
  if (file.additions == null) return 'Too large to show.';
  return 'Not in the diff: it was cut at its size limit.';
}

/** The parsed diff of each changed file, by the path the server names it by. */
export function diffsByPath(files: FileData[]): Map<string, FileData> {
  const byPath = new Map<string, FileData>();
  for (const f of files) byPath.set(f.type === 'delete' ? f.oldPath : f.newPath, f);
  return byPath;
}

import { Fragment } from 'react';

/** A search snippet with the matched words, which the server marks as [[word]], highlighted. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[\[.*?\]\])/g).filter((p) => p !== '');
  return (
    <span className="kb-snippet" data-testid="kb-snippet">
      {parts.map((part, i) =>
        part.startsWith('[[') && part.endsWith(']]') ? <mark key={i}>{part.slice(2, -2)}</mark> : <Fragment key={i}>{part}</Fragment>,
      )}
    </span>
  );
}

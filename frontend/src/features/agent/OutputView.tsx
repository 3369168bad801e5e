import { memo, useEffect, useRef, useState } from 'react';
import type { AgentEvent } from '../../api/types';

const SHOWN_AT_ONCE = 800;
const LONG_LINES = 14;

/** One run's output as a person reads it, newest at the bottom; follows new events while scrolled to the end. */
export function OutputView({ events, loading, focusSeq }: { events: AgentEvent[]; loading?: boolean; focusSeq?: number }) {
  const [limit, setLimit] = useState(SHOWN_AT_ONCE);
  const box = useRef<HTMLDivElement>(null);
  const atEnd = useRef(focusSeq === undefined);
  const focusAt = focusSeq === undefined ? -1 : events.findIndex((e) => e.seq === focusSeq);
  // The focused event is always among those shown, however far back it is.
  const showing = focusAt >= 0 ? Math.max(limit, events.length - focusAt) : limit;
  const shown = events.length > showing ? events.slice(events.length - showing) : events;

  useEffect(() => {
    const element = box.current;
    if (element && atEnd.current) element.scrollTop = element.scrollHeight;
  }, [events.length]);

  // Scrolled to once, when the focused event has arrived; following the end resumes when the user scrolls there.
  const focused = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusSeq === undefined || focusAt < 0 || focused.current === focusSeq) return;
    focused.current = focusSeq;
    atEnd.current = false;
    box.current?.querySelector<HTMLElement>(`[data-seq="${focusSeq}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [focusSeq, focusAt]);

  return (
    <div
      className="output"
      data-testid="output"
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {events.length > shown.length && (
        <button type="button" className="link" onClick={() => setLimit((l) => l + SHOWN_AT_ONCE)}>
          show {Math.min(SHOWN_AT_ONCE, events.length - shown.length)} earlier events
        </button>
      )}
      {shown.map((event) => (
        <OutputEntry key={event.seq} event={event} focused={event.seq === focusSeq} />
      ))}
      {loading && <div className="muted">loading…</div>}
      {!loading && events.length === 0 && <div className="muted">No output yet.</div>}
    </div>
  );
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value, null, 2);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The few inputs people scan for first; the rest stays in the JSON below. */
function toolSummary(name: string, input: Record<string, unknown>): string {
  if (typeof input.command === 'string') return input.command;
  if (typeof input.file_path === 'string') return input.file_path;
  if (typeof input.pattern === 'string') return input.pattern;
  if (typeof input.url === 'string') return input.url;
  if (Array.isArray(input.files)) return input.files.join(', ');
  return name.startsWith('mcp__') ? '' : '';
}

function Collapsible({ text, className }: { text: string; className: string }) {
  const lines = text.split('\n');
  const [open, setOpen] = useState(lines.length <= LONG_LINES);
  return (
    <>
      <pre className={className}>{open ? text : lines.slice(0, LONG_LINES).join('\n')}</pre>
      {lines.length > LONG_LINES && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'show less' : `show all ${lines.length} lines`}
        </button>
      )}
    </>
  );
}

export const OutputEntry = memo(function OutputEntry({ event, focused = false }: { event: AgentEvent; focused?: boolean }) {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const common = {
    'data-testid': 'output-entry',
    'data-type': event.type,
    'data-seq': event.seq,
    ...(focused ? { 'data-focused': 'true', 'aria-current': 'true' as const } : {}),
  };
  switch (event.type) {
    case 'assistant_text':
      return (
        <div className="ev ev-text" {...common}>
          {event.text}
        </div>
      );
    case 'thinking':
      return (
        <details className="ev ev-thinking" {...common}>
          <summary>thinking</summary>
          <div>{event.text}</div>
        </details>
      );
    case 'tool_use': {
      const input = (data.input ?? {}) as Record<string, unknown>;
      const name = event.text ?? 'tool';
      return (
        <div className="ev ev-tool" {...common}>
          <div className="ev-head">
            <span className="tool-name">{name.replace(/^mcp__orchestrator__/, '⚙ ')}</span>
            <span className="tool-summary">{toolSummary(name, input)}</span>
          </div>
          <Collapsible text={JSON.stringify(input, null, 2)} className="ev-json" />
        </div>
      );
    }
    case 'tool_result': {
      const isError = data.isError === true;
      return (
        <div className={`ev ev-result-tool${isError ? ' ev-bad' : ''}`} {...common} data-error={isError}>
          <div className="ev-head">{isError ? 'tool error' : 'tool result'}</div>
          <Collapsible text={event.text ?? ''} className="ev-pre" />
        </div>
      );
    }
    case 'error':
      return (
        <div className="ev ev-error" {...common}>
          {event.text}
        </div>
      );
    case 'result': {
      const cost = num(data.costUsd);
      const turns = num(data.numTurns);
      const ms = num(data.durationMs);
      const bad = data.isError === true;
      return (
        <div className={`ev ev-final${bad ? ' ev-bad' : ''}`} {...common}>
          <div className="ev-head">
            {bad ? `Failed (${str(data.subtype)})` : 'Result'}
            {cost !== null && <span data-testid="result-cost"> · ${cost.toFixed(4)}</span>}
            {turns !== null && <span data-testid="result-turns"> · {turns} turns</span>}
            {ms !== null && <span> · {(ms / 1000).toFixed(1)} s</span>}
          </div>
          {event.text && <div className="ev-text">{event.text}</div>}
        </div>
      );
    }
    case 'system':
      return (
        <div className="ev ev-system" {...common}>
          {event.text}
          {typeof data.model === 'string' && <span> · {data.model}</span>}
        </div>
      );
    default:
      return (
        <pre className="ev ev-raw" {...common}>
          {event.text}
        </pre>
      );
  }
});

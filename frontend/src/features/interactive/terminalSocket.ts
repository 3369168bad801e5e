import { authToken } from '../../api/client';

/** The browser terminal's WebSocket address for a run, sized to the terminal as it opens. */
export function terminalUrl(runId: string, cols: number, rows: number, where: Location = window.location): string {
  const scheme = where.protocol === 'https:' ? 'wss' : 'ws';
  const token = authToken();
  const query = `cols=${cols}&rows=${rows}${token ? `&token=${encodeURIComponent(token)}` : ''}`;
  return `${scheme}://${where.host}/ws/terminal/${encodeURIComponent(runId)}?${query}`;
}

/** Keystrokes and pastes, as the server expects them. */
export function inputFrame(data: string): string {
  return JSON.stringify({ type: 'input', data });
}

export function resizeFrame(cols: number, rows: number): string {
  return JSON.stringify({ type: 'resize', cols, rows });
}

/** A control frame from the server: the session ended or was detached (`closed`), or the attach was refused (`error`). */
export type ServerFrame = { type: 'closed'; reason: string } | { type: 'error'; message: string };

export function parseServerFrame(text: string): ServerFrame | null {
  try {
    const frame = JSON.parse(text) as { type?: string; reason?: string; message?: string };
    if (frame.type === 'closed') return { type: 'closed', reason: frame.reason ?? 'closed' };
    if (frame.type === 'error') return { type: 'error', message: frame.message ?? 'refused' };
  } catch {
    // not a control frame
  }
  return null;
}

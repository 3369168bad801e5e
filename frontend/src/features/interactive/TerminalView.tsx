import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Badge, Button } from '../common';
import { inputFrame, parseServerFrame, resizeFrame, terminalUrl } from './terminalSocket';

type Connection = 'connecting' | 'connected' | 'disconnected' | 'ended';

/**
 * The live terminal of an interactive run: xterm.js on the run's terminal WebSocket. What tmux holds is replayed on
 * attach, keystrokes and pastes go to the agent, and the terminal follows the panel's size. Disconnect closes this
 * view only (the agent keeps working); Reconnect attaches again while the session lives.
 */
export function TerminalView({ runId, live }: { runId: string; live: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const [state, setState] = useState<Connection>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!host.current) return;
    const terminal = new Terminal({ convertEol: false, cursorBlink: true, scrollback: 20000, fontSize: 13 });
    const fitAddon = new FitAddon();
    terminal.loadAddon(fitAddon);
    terminal.open(host.current);
    term.current = terminal;
    fit.current = fitAddon;
    const data = terminal.onData((d) => {
      if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(inputFrame(d));
    });
    const resize = terminal.onResize(({ cols, rows }) => {
      if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(resizeFrame(cols, rows));
    });
    const observer = new ResizeObserver(() => {
      try {
        fitAddon.fit();
      } catch {
        // hidden (zero size): fits again when shown
      }
    });
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      data.dispose();
      resize.dispose();
      terminal.dispose();
      term.current = null;
    };
  }, []);

  useEffect(() => {
    const terminal = term.current;
    if (!terminal || !live) {
      setState('ended');
      return;
    }
    try {
      fit.current?.fit();
    } catch {
      // keeps the terminal's own size
    }
    terminal.reset();
    setState('connecting');
    setError(null);
    const ws = new WebSocket(terminalUrl(runId, terminal.cols, terminal.rows));
    ws.binaryType = 'arraybuffer';
    socket.current = ws;
    ws.onopen = () => setState('connected');
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') {
        const frame = parseServerFrame(event.data);
        if (frame?.type === 'error') setError(frame.message);
        if (frame?.type === 'closed') setState(frame.reason === 'the session ended' ? 'ended' : 'disconnected');
        return;
      }
      terminal.write(new Uint8Array(event.data as ArrayBuffer));
    };
    ws.onclose = () => setState((s) => (s === 'ended' ? s : 'disconnected'));
    return () => {
      ws.onclose = null;
      ws.close();
      if (socket.current === ws) socket.current = null;
    };
  }, [runId, live, attempt]);

  const disconnect = useCallback(() => {
    socket.current?.close();
    setState('disconnected');
  }, []);

  const reconnect = useCallback(async () => {
    setError(null);
    try {
      await api.reconnect(runId);
      setAttempt((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [runId]);

  return (
    <div className="terminal-view" data-testid="terminal-view" data-state={state}>
      <div className="terminal-bar">
        <Badge tone={state === 'connected' ? 'success' : state === 'connecting' ? 'running' : 'neutral'} data-testid="terminal-state">
          {state}
        </Badge>
        {state === 'connected' || state === 'connecting' ? (
          <Button data-testid="terminal-disconnect" onClick={disconnect}>
            Disconnect
          </Button>
        ) : (
          <Button data-testid="terminal-reconnect" disabled={!live} onClick={reconnect}>
            Reconnect
          </Button>
        )}
        <span className="muted terminal-hint">the agent keeps working when this view is closed</span>
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="terminal-error">
          {error}
        </div>
      )}
      <div className="terminal-host" ref={host} data-testid="terminal" onClick={() => term.current?.focus()} />
    </div>
  );
}

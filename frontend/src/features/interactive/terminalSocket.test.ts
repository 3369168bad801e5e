import { afterEach, describe, expect, it } from 'vitest';
import { inputFrame, parseServerFrame, resizeFrame, terminalUrl } from './terminalSocket';

describe('the terminal socket', () => {
  afterEach(() => localStorage.clear());

  it('is addressed by run, sized to the terminal, on the page own host', () => {
    const where = { protocol: 'http:', host: '127.0.0.1:3456' } as Location;
    expect(terminalUrl('run 1', 100, 30, where)).toBe('ws://127.0.0.1:3456/ws/terminal/run%201?cols=100&rows=30');
    expect(terminalUrl('r', 80, 24, { protocol: 'https:', host: 'box' } as Location)).toMatch(/^wss:\/\/box\//);
  });

  it('sends keystrokes and sizes as JSON frames', () => {
    expect(JSON.parse(inputFrame('ls\r'))).toEqual({ type: 'input', data: 'ls\r' });
    expect(JSON.parse(resizeFrame(120, 40))).toEqual({ type: 'resize', cols: 120, rows: 40 });
  });

  it('tells the server control frames from anything else', () => {
    expect(parseServerFrame('{"type":"closed","reason":"disconnected"}')).toEqual({ type: 'closed', reason: 'disconnected' });
    expect(parseServerFrame('{"type":"error","message":"all 32 terminal attachments are in use"}')).toEqual({
      type: 'error',
      message: 'all 32 terminal attachments are in use',
    });
    expect(parseServerFrame('not json')).toBeNull();
    expect(parseServerFrame('{"type":"other"}')).toBeNull();
  });
});

import { Client, type IMessage } from '@stomp/stompjs';
import { createContext, useEffect, useReducer, useRef, type Dispatch, type ReactNode } from 'react';
import { api, authToken } from '../api/client';
import type { LiveFrame } from '../api/types';
import { liveMayStart } from './liveStart';
import { initialState, liveReducer, type LiveAction, type LiveState } from './store';

export const LiveStateContext = createContext<LiveState>(initialState);
export const LiveDispatchContext = createContext<Dispatch<LiveAction>>(() => {});

function brokerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const token = authToken();
  return `${scheme}://${window.location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/**
 * The one live connection: STOMP over /ws. On every (re)connect it subscribes first, then loads the snapshot, so
 * nothing falls between the two; frames that arrive meanwhile wait and are applied after it (older ones skipped).
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(liveReducer, initialState);
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;

  useEffect(() => {
    let buffered: LiveFrame[] | null = null;
    let connectionId = 0;
    const send = (action: LiveAction) => dispatchRef.current(action);

    const client = new Client({
      brokerURL: brokerUrl(),
      reconnectDelay: 1000,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      beforeConnect: async () => {
        client.brokerURL = brokerUrl();
      },
      onConnect: () => {
        const id = ++connectionId;
        buffered = [];
        client.subscribe('/topic/live', (message: IMessage) => {
          const frame = JSON.parse(message.body) as LiveFrame;
          if (buffered) buffered.push(frame);
          else send({ type: 'frame', frame });
        });
        api
          .snapshot()
          .then((snapshot) => {
            if (id !== connectionId) return;
            send({ type: 'snapshot', snapshot });
            const waiting = buffered ?? [];
            buffered = null;
            for (const frame of waiting) send({ type: 'frame', frame });
            send({ type: 'connection', connection: 'live' });
          })
          .catch(() => {
            send({ type: 'connection', connection: 'offline' });
            // Try again with a fresh connection; the reconnect loop reloads the snapshot.
            void client.deactivate().then(() => client.activate());
          });
      },
      onWebSocketClose: () => {
        buffered = null;
        send({ type: 'connection', connection: 'offline' });
      },
      onStompError: () => send({ type: 'connection', connection: 'offline' }),
    });
    let closed = false;
    void liveMayStart().then(() => {
      if (!closed) client.activate();
    });
    return () => {
      closed = true;
      void client.deactivate();
    };
  }, []);

  return (
    <LiveDispatchContext.Provider value={dispatch}>
      <LiveStateContext.Provider value={state}>{children}</LiveStateContext.Provider>
    </LiveDispatchContext.Provider>
  );
}

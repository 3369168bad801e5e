import { useEffect, useState } from 'react';
import { api, ApiError, authToken, setAuthToken } from '../../api/client';
import { useLive, useLiveDispatch } from '../../live/hooks';

/** Runtime settings, and this browser's API token when the server wants one. */
export function SettingsPanel() {
  const { settings } = useLive();
  const dispatch = useLiveDispatch();
  const [maxAgents, setMaxAgents] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [token, setToken] = useState(authToken() ?? '');

  useEffect(() => {
    if (settings) setMaxAgents(String(settings.maxConcurrentAgents));
  }, [settings]);

  async function save() {
    setMessage(null);
    try {
      const saved = await api.saveSettings({ maxConcurrentAgents: Number(maxAgents) });
      dispatch({ type: 'settings', settings: saved });
      setMessage('saved');
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="side" data-testid="settings-panel">
      <h2>Settings</h2>
      <label className="field">
        <span className="field-label">Max concurrent agents</span>
        <input
          data-testid="settings-max-agents"
          inputMode="numeric"
          value={maxAgents}
          onChange={(e) => setMaxAgents(e.target.value)}
        />
      </label>
      <button type="button" className="primary" data-testid="settings-save" onClick={save}>
        Save
      </button>
      {message && <span className="muted" data-testid="settings-message"> {message}</span>}
      <h2>API token</h2>
      <p className="muted">Only when the server runs with AUTH_TOKEN. Kept in this browser.</p>
      <input data-testid="settings-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
      <button
        type="button"
        onClick={() => {
          setAuthToken(token.trim() || null);
          window.location.reload();
        }}
      >
        Use token
      </button>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { api, authToken, setAuthToken } from '../../api/client';
import { useLive, useLiveDispatch } from '../../live/hooks';
import { Button, Field, fieldErrors, NumberInput, Panel, TextInput, useAction } from '../common';

/** Runtime settings, and this browser's API token when the server wants one. */
export function SettingsPanel() {
  const { settings } = useLive();
  const dispatch = useLiveDispatch();
  const [maxAgents, setMaxAgents] = useState('');
  const [saved, setSaved] = useState(false);
  const [token, setToken] = useState(authToken() ?? '');
  const save = useAction(api.saveSettings);

  useEffect(() => {
    if (settings) setMaxAgents(String(settings.maxConcurrentAgents));
  }, [settings]);

  async function onSave() {
    setSaved(false);
    const result = await save.run({ maxConcurrentAgents: Number(maxAgents) });
    if (result) {
      dispatch({ type: 'settings', settings: result });
      setSaved(true);
    }
  }

  const errors = fieldErrors(save.error, ['maxConcurrentAgents']);
  const message = saved ? 'saved' : (errors.form ?? errors.maxConcurrentAgents ?? null);
  return (
    <Panel title="Settings" data-testid="settings-panel">
      <Field label="Max concurrent agents" error={errors.maxConcurrentAgents} hint="agents running at once">
        <NumberInput integer data-testid="settings-max-agents" value={maxAgents} onChange={setMaxAgents} />
      </Field>
      <div className="form-actions form-actions-start">
        <Button variant="primary" data-testid="settings-save" busy={save.busy} onClick={onSave}>
          Save
        </Button>
        {message && (
          <span className={saved ? 'muted' : 'form-error'} data-testid="settings-message">
            {message}
          </span>
        )}
      </div>
      <h2>API token</h2>
      <Field label="Token" hint="Only when the server runs with AUTH_TOKEN. Kept in this browser.">
        <TextInput data-testid="settings-token" type="password" value={token} onChange={setToken} />
      </Field>
      <div className="form-actions form-actions-start">
        <Button
          onClick={() => {
            setAuthToken(token.trim() || null);
            window.location.reload();
          }}
        >
          Use token
        </Button>
      </div>
    </Panel>
  );
}

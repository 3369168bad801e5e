import { useState } from 'react';
import { useLive } from '../../live/hooks';
import { Button, Checkbox, EmptyState, Link, Panel } from '../common';
import { dismissAll, useOpenNeeds } from './center';
import { NEED_KINDS, standingNeeds, STANDING_KINDS } from './needsYou';
import { chime, desktopSupported } from './NotificationCenter';
import { saveNotificationSettings, useNotificationSettings } from './settings';

/** What needs the person now, and how they want to hear about it (per kind, desktop, sound). */
export function NotificationsPanel() {
  const settings = useNotificationSettings();
  const live = useLive();
  const open = useOpenNeeds();
  const [permission, setPermission] = useState(desktopSupported() ? Notification.permission : 'unsupported');
  const needs = [...standingNeeds(live, settings.kinds), ...open.filter((n) => !STANDING_KINDS.has(n.kind) && settings.kinds[n.kind])];

  const allow = async () => {
    if (!desktopSupported()) return;
    setPermission(await Notification.requestPermission());
  };

  return (
    <Panel title="Needs you" data-testid="notifications-panel">
      {needs.length === 0 ? (
        <EmptyState testId="needs-none">Nothing needs you right now.</EmptyState>
      ) : (
        <ul className="needs" data-testid="needs-list">
          {needs.map((n) => (
            <li key={n.id} data-testid="need" data-kind={n.kind}>
              <Link to={n.path}>{n.title}</Link>
              <div className="muted">{n.body}</div>
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <Button variant="link" onClick={dismissAll} data-testid="needs-dismiss">
          mark all seen
        </Button>
      )}
      <h3>Tell me when</h3>
      {NEED_KINDS.map(({ kind, label }) => (
        <Checkbox
          key={kind}
          data-testid={`notify-kind-${kind}`}
          checked={settings.kinds[kind]}
          onChange={(on) => saveNotificationSettings({ ...settings, kinds: { ...settings.kinds, [kind]: on } })}
          label={label}
        />
      ))}
      <h3>How</h3>
      <Checkbox
        data-testid="notify-desktop"
        checked={settings.desktop}
        onChange={(desktop) => saveNotificationSettings({ ...settings, desktop })}
        label="Desktop notification"
      />
      <div className="muted" data-testid="notify-permission" data-permission={permission}>
        {permission === 'granted' && 'This browser shows them.'}
        {permission === 'denied' && 'This browser blocks them: allow notifications for this site in its settings.'}
        {permission === 'default' && (
          <Button data-testid="notify-allow" onClick={allow}>
            Allow desktop notifications
          </Button>
        )}
        {permission === 'unsupported' && 'This browser cannot show desktop notifications here.'}
      </div>
      <Checkbox
        data-testid="notify-sound"
        checked={settings.sound}
        onChange={(sound) => {
          saveNotificationSettings({ ...settings, sound });
          if (sound) chime();
        }}
        label="Play a sound"
      />
      <p className="muted">The tab's title counts what needs you, e.g. “(2) autodev”.</p>
    </Panel>
  );
}

import { useSyncExternalStore } from 'react';
import type { NeedKind } from './needsYou';

/** What the person wants to hear about, kept in this browser. */
export interface NotificationSettings {
  /** Desktop notifications (the browser asks for permission the first time). */
  desktop: boolean;
  /** A short tone with each one. */
  sound: boolean;
  /** Which kinds raise anything at all (desktop, sound and the tab title's count). */
  kinds: Record<NeedKind, boolean>;
}

const KEY = 'autodev.notifications';
export const DEFAULT_SETTINGS: NotificationSettings = {
  desktop: true,
  sound: false,
  kinds: { question: true, blocked: true, failed: true, flagged: true },
};

let current: NotificationSettings = read();
const listeners = new Set<() => void>();

function read(): NotificationSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<NotificationSettings> | null;
    if (!stored) return DEFAULT_SETTINGS;
    return { ...DEFAULT_SETTINGS, ...stored, kinds: { ...DEFAULT_SETTINGS.kinds, ...(stored.kinds ?? {}) } };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function notificationSettings(): NotificationSettings {
  return current;
}

export function saveNotificationSettings(next: NotificationSettings): void {
  current = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* private mode: the settings last for this page */
  }
  listeners.forEach((l) => l());
}

export function useNotificationSettings(): NotificationSettings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

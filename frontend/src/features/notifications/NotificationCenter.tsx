import { useEffect, useRef } from 'react';
import { useLive } from '../../live/hooks';
import type { LiveState } from '../../live/store';
import { navigate, useRoute } from '../common';
import { addNeeds, markJobSeen, useOpenNeeds } from './center';
import { newNeeds, standingNeeds, STANDING_KINDS, titleWithCount, type Need } from './needsYou';
import { notificationSettings, useNotificationSettings } from './settings';

const BASE_TITLE = 'autodev';

/** Whether this browser can show desktop notifications at all (not in every context, e.g. plain http on a LAN). */
export function desktopSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function raiseDesktop(need: Need) {
  if (!desktopSupported() || Notification.permission !== 'granted') return;
  try {
    const shown = new Notification(need.title, { body: need.body, tag: need.id });
    shown.onclick = () => {
      window.focus();
      navigate(need.path);
      shown.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the title count still tells.
  }
}

let audio: AudioContext | null = null;

/** A short two-note chime, made on the spot: no sound file to ship or load. */
export function chime() {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    [660, 880].forEach((freq, i) => {
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.08, now + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.12 + 0.25);
      osc.connect(gain).connect(audio!.destination);
      osc.start(now + i * 0.12);
      osc.stop(now + i * 0.12 + 0.25);
    });
  } catch {
    // No audio here (autoplay rules): stay silent.
  }
}

/**
 * Watches the live feed for what needs the person (a question, a job that blocked or failed, a flagged run that
 * ended) and tells them: a desktop notification when allowed, an optional chime, and a count in the tab's title.
 * Opening a job's panel counts as seeing what it needed. Renders nothing.
 */
export function NotificationCenter() {
  const state = useLive();
  const settings = useNotificationSettings();
  const route = useRoute();
  const open = useOpenNeeds();
  const previous = useRef<LiveState | null>(null);

  useEffect(() => {
    const needs = newNeeds(previous.current, state);
    previous.current = state;
    const { kinds, desktop, sound } = notificationSettings();
    const wanted = needs.filter((n) => kinds[n.kind]);
    if (!wanted.length) return;
    addNeeds(wanted);
    if (desktop) wanted.forEach(raiseDesktop);
    if (sound) chime();
  }, [state]);

  const openJob = route?.route.path === '/jobs/:id' ? route.params.id : null;
  useEffect(() => {
    if (openJob) markJobSeen(openJob);
  }, [openJob, open]);

  const standing = standingNeeds(state, settings.kinds).length;
  const others = open.filter((n) => !STANDING_KINDS.has(n.kind) && settings.kinds[n.kind]).length;
  const count = standing + others;
  useEffect(() => {
    document.title = titleWithCount(BASE_TITLE, count);
  }, [count]);

  return null;
}

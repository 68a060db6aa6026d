import { localToday, mondayOf } from '../evidence/dates';

/** The weekly brag reminder's schedule (DOMAIN.md: the brag document is updated weekly; Friday is the classic day). */

/** `careerEvidence.reminder.day`: the weekday of the weekly brag reminder, or `off`. */
export type ReminderDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday' | 'off';

/** The weekdays, Monday first (the week the reminder counts in starts on Monday, local time). */
export const WEEKDAYS: readonly Exclude<ReminderDay, 'off'>[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** The reminder's settings, as read (invalid values already replaced by their defaults). */
export interface ReminderSettings {
  day: ReminderDay;
  /** Minutes after local midnight (`careerEvidence.reminder.time`, `HH:MM`). */
  minutes: number;
  /** Local quiet hours (`careerEvidence.reminder.quietHours`, `HH:MM-HH:MM`, may span midnight), or null for none. */
  quiet: { from: number; to: number } | null;
}

/** What the reminder remembers (global storage: shared by every window). */
export interface ReminderState {
  /** The week whose reminder was handled (shown, answered or found silent), by its Monday `YYYY-MM-DD` local. */
  handledWeek?: string;
  /** Snoozed: show again at this moment (ms since the epoch), whatever the weekday. */
  snoozedUntil?: number;
}

/** The defaults: Friday 16:00, quiet from 20:00 to 08:00. */
export const DEFAULT_REMINDER: ReminderSettings = { day: 'friday', minutes: 16 * 60, quiet: { from: 20 * 60, to: 8 * 60 } };

/** Minutes after midnight of an `HH:MM` (24-hour) time, or null when it is not one. */
export function readClockTime(text: unknown): number | null {
  const m = typeof text === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim()) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Quiet hours from `HH:MM-HH:MM`; '' means none; null when malformed. */
export function readQuietHours(text: unknown): ReminderSettings['quiet'] | null | undefined {
  if (text === '' || text === undefined) return null;
  const parts = typeof text === 'string' ? text.split('-') : [];
  const [from, to] = parts.map(readClockTime);
  return parts.length === 2 && from !== null && to !== null && from !== to ? { from: from!, to: to! } : undefined;
}

/** The week `at` is in (local time), by its Monday: `YYYY-MM-DD`. */
export function weekOf(at: Date): string {
  return mondayOf(localToday(at));
}

/** Local midnight of a `YYYY-MM-DD` day. */
function localMidnight(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function at(day: Date, plusDays: number, minutes: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + plusDays, Math.floor(minutes / 60), minutes % 60);
}

function inQuiet(d: Date, q: NonNullable<ReminderSettings['quiet']>): boolean {
  const m = d.getHours() * 60 + d.getMinutes();
  return q.from < q.to ? m >= q.from && m < q.to : m >= q.from || m < q.to;
}

/** The first moment at or after `d` outside the quiet hours. */
function afterQuiet(d: Date, q: ReminderSettings['quiet']): Date {
  if (!q || !inQuiet(d, q)) return d;
  const end = at(d, 0, q.to);
  return end.getTime() > d.getTime() ? end : at(d, 1, q.to);
}

/**
 * When the reminder is next due, in ms since the epoch (local time rules), or null when turned
 * off: a snooze's moment when snoozed; else this week's weekday and time — at once when that has
 * passed and this week was not handled yet (VS Code was closed then), next week's when it was —
 * moved past the quiet hours. Pure: `now` is given.
 */
export function nextDue(now: Date, s: ReminderSettings, state: ReminderState): number | null {
  if (s.day === 'off') return null;
  if (state.snoozedUntil !== undefined) return afterQuiet(new Date(Math.max(state.snoozedUntil, now.getTime())), s.quiet).getTime();
  const week = weekOf(now);
  const monday = localMidnight(week);
  const offset = WEEKDAYS.indexOf(s.day);
  let due = at(monday, offset, s.minutes);
  if (state.handledWeek === week) due = at(monday, offset + 7, s.minutes);
  else if (due.getTime() < now.getTime()) due = now;
  return afterQuiet(due, s.quiet).getTime();
}

/** The moment "Snooze until Monday" means: next Monday at the reminder's time (past the quiet hours). */
export function nextMonday(now: Date, s: ReminderSettings): number {
  return afterQuiet(at(localMidnight(weekOf(now)), 7, s.minutes), s.quiet).getTime();
}

import * as fs from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import { localToday } from '../../core/evidence/dates';
import { ReminderState, nextDue, nextMonday, weekOf } from '../../core/prompt/weeklyReminder';
import { maintenanceKind } from '../../core/report/maintenance';
import { createExclusive } from '../../node/fsAtomic';
import { MergedWork } from '../services/mergedWork';
import { settings } from '../settings/settings';
import { reminderText } from './reminderModel';

/** Time as the reminder sees it: the system's, or a test's fake. */
export interface ReminderClock {
  /** ms since the epoch. */
  now(): number;
  /** Calls `fn` once after `ms`. */
  setTimer(fn: () => void, ms: number): vscode.Disposable;
}

/** The system clock. */
export const SYSTEM_CLOCK: ReminderClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return { dispose: () => clearTimeout(t) };
  },
};

/** Shows the reminder and resolves with the button chosen (undefined: closed). */
export type ReminderNotifier = (message: string, ...buttons: string[]) => Thenable<string | undefined>;

const STATE_KEY = 'careerEvidence.reminder';
/** The longest wait between two looks at the schedule: a laptop that slept, a changed clock or time zone are noticed. */
const LOOK_AGAIN_MS = 60 * 60 * 1000;
/** Claims older than this are removed when a new one is made. */
const CLAIMS_KEPT_MS = 60 * 24 * 60 * 60 * 1000;

type Stored = ReminderState & { snoozedWeek?: string };

/**
 * The weekly brag reminder (`careerEvidence.reminder.*`, default Friday 16:00 local): "Update your
 * brag document — N pieces of work this week not recorded yet" with Review now, Snooze until
 * Monday and Turn off. Silent when nothing is new; never in the quiet hours; one notification at a
 * time; shown once a week across all windows — its state is in global storage, and the window
 * that shows it first claims the week with a file created exclusively there (the others stay
 * silent). Starting it only sets a timer: mining waits for the moment it is due.
 */
export class WeeklyReminder implements vscode.Disposable {
  private timer: vscode.Disposable | undefined;
  private showing = false;
  /** A week this window found nothing new in (or another window claimed): not looked at again here. */
  private quietWeek: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly shown = new vscode.EventEmitter<{ message: string; choice: string | undefined }>();
  /** Fires after each reminder, with the button chosen (tests wait on it). */
  readonly onDidRemind = this.shown.event;
  private readonly looked = new vscode.EventEmitter<{ due: number | null }>();
  /** Fires after each look at the schedule, with the moment next due (ms) or null when off. */
  readonly onDidSchedule = this.looked.event;

  constructor(
    private readonly mergedWork: MergedWork,
    private readonly state: vscode.Memento,
    private readonly claimDir: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly clock: ReminderClock = SYSTEM_CLOCK,
    private readonly notify: ReminderNotifier = (m, ...b) => vscode.window.showInformationMessage(m, ...b),
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('careerEvidence.reminder') && this.schedule()),
    );
    this.schedule();
  }

  private stored(): Stored {
    return this.state.get<Stored>(STATE_KEY) ?? {};
  }

  private effectiveState(): ReminderState {
    const s = this.stored();
    const handled = [s.handledWeek, this.quietWeek]
      .filter((w): w is string => !!w)
      .sort()
      .at(-1);
    return { ...(handled ? { handledWeek: handled } : {}), ...(s.snoozedUntil !== undefined ? { snoozedUntil: s.snoozedUntil } : {}) };
  }

  private schedule(): void {
    this.timer?.dispose();
    this.timer = undefined;
    const due = nextDue(new Date(this.clock.now()), settings.reminder(), this.effectiveState());
    this.looked.fire({ due });
    if (due === null) return;
    const wait = Math.max(0, due - this.clock.now());
    this.timer = this.clock.setTimer(() => void this.look(), Math.min(wait, LOOK_AGAIN_MS));
  }

  private async look(): Promise<void> {
    const now = this.clock.now();
    const due = nextDue(new Date(now), settings.reminder(), this.effectiveState());
    if (due !== null && due <= now && !this.showing) {
      try {
        await this.remind(new Date(now));
      } catch (err) {
        this.log.error('the weekly reminder failed', err);
      }
    }
    this.schedule();
  }

  private async remind(now: Date): Promise<void> {
    const s = this.stored();
    const snoozed = s.snoozedUntil !== undefined;
    const week = snoozed && s.snoozedWeek ? s.snoozedWeek : weekOf(now);
    const count = await this.unrecorded(new Date(`${week}T00:00:00`).getTime());
    if (count === 0 || !(await this.claim(snoozed ? `snooze-${s.snoozedUntil}` : `week-${week}`))) {
      this.quietWeek = weekOf(now);
      if (snoozed) await this.state.update(STATE_KEY, { handledWeek: s.handledWeek });
      this.log.info(count === 0 ? `weekly reminder: nothing new since ${week}` : 'weekly reminder: shown in another window');
      return;
    }
    await this.state.update(STATE_KEY, { handledWeek: snoozed ? s.handledWeek : week });
    const text = reminderText(count, vscode.l10n.t);
    this.showing = true;
    let choice: string | undefined;
    try {
      choice = await this.notify(text.message, text.review, text.snooze, text.off);
    } finally {
      this.showing = false;
    }
    if (choice === text.review) {
      this.mergedWork.showRange({ since: week, until: localToday(now) });
      await vscode.commands.executeCommand('careerEvidence.evidence.focus');
    } else if (choice === text.snooze) {
      await this.state.update(STATE_KEY, {
        handledWeek: weekOf(now),
        snoozedUntil: nextMonday(now, settings.reminder()),
        snoozedWeek: week,
      });
    } else if (choice === text.off)
      await vscode.workspace.getConfiguration('careerEvidence.reminder').update('day', 'off', vscode.ConfigurationTarget.Global);
    this.shown.fire({ message: text.message, choice });
  }

  /** The user's undecided merged work (upkeep left out) merged at or after `since` (ms). */
  private async unrecorded(since: number): Promise<number> {
    let n = 0;
    for (const f of await this.mergedWork.all())
      if (f.state === 'ready') for (const s of f.pending) if (Date.parse(s.mergedAt) >= since && maintenanceKind(s) === null) n++;
    return n;
  }

  /** True for the one window that creates the claim file first; old claims are removed on the way. */
  private async claim(key: string): Promise<boolean> {
    await fs.mkdir(this.claimDir, { recursive: true });
    for (const name of await fs.readdir(this.claimDir)) {
      const file = path.join(this.claimDir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > CLAIMS_KEPT_MS) await fs.rm(file, { force: true }); // housekeeping: the files' own times
    }
    return createExclusive(path.join(this.claimDir, `${key}.claim`), `${new Date(this.clock.now()).toISOString()}\n`);
  }

  dispose(): void {
    this.timer?.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.shown.dispose();
    this.looked.dispose();
  }
}

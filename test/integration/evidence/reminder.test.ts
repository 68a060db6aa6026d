import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ReminderClock, WeeklyReminder } from '../../../src/vscode/reminder/reminder';
import { api } from './helpers';

// The fixture repository (evidenceRepo) has my merged work on 2026-03-05 (Thursday) and 2026-03-20
// (Friday); nothing in April. Times are local, as the reminder's are.

/** A clock the test moves: the reminder's one timer fires when the clock jumps past it. */
class FakeClock implements ReminderClock {
  private timers: { at: number; fn: () => void }[] = [];
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number): vscode.Disposable {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((x) => x !== timer)) };
  }
  /** Moves to `ms` and runs the timers due by then. */
  jump(ms: number): void {
    this.t = ms;
    const due = this.timers.filter((x) => x.at <= ms);
    this.timers = this.timers.filter((x) => x.at > ms);
    for (const x of due) x.fn();
  }
}

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

function once<T>(event: vscode.Event<T>, what: string, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    const sub = event((v) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

/** A notifier that records each reminder and answers with the next of `answers`. */
function answering(...answers: (string | undefined)[]) {
  const seen: { message: string; buttons: string[] }[] = [];
  return {
    seen,
    notify: (message: string, ...buttons: string[]) => {
      seen.push({ message, buttons });
      return Promise.resolve(answers.shift());
    },
  };
}

/** A Memento of our own: the global state two windows share. */
class SharedState implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

describe('weekly reminder: on schedule under a fake clock', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('careerEvidence.reminder');
  const made: { reminder: WeeklyReminder; claims: string }[] = [];
  /** A reminder as the extension makes one, on `clock`, with global state and a claim folder of its own (nothing left from another run). */
  const reminderOn = async (clock: FakeClock, notify: (message: string, ...buttons: string[]) => Thenable<string | undefined>) => {
    const a = await api();
    const claims = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-it-reminder-'));
    const reminder = new WeeklyReminder(a.services.mergedWork, new SharedState(), claims, a.services.log, clock, notify);
    made.push({ reminder, claims });
    return reminder;
  };
  afterEach(() => {
    for (const m of made.splice(0)) {
      m.reminder.dispose();
      fs.rmSync(m.claims, { recursive: true, force: true });
    }
  });

  before(async () => {
    await api();
    await config().update('day', 'friday', vscode.ConfigurationTarget.Global);
    await config().update('time', '16:00', vscode.ConfigurationTarget.Global);
  });

  it('fires at Friday 16:00 with the week’s unrecorded work; snoozed, comes back on Monday; Review now shows that week', async () => {
    const a = await api();
    const clock = new FakeClock(local(2026, 3, 18, 9));
    const { seen, notify } = answering('Snooze until Monday', 'Review now');
    const reminder = await reminderOn(clock, notify);

    const early = once(reminder.onDidSchedule, 'a look before it is due');
    clock.jump(local(2026, 3, 20, 15, 59));
    assert.strictEqual((await early).due, local(2026, 3, 20, 16));
    assert.strictEqual(seen.length, 0, 'not yet');

    const first = once(reminder.onDidRemind, 'the Friday reminder');
    clock.jump(local(2026, 3, 20, 16));
    assert.deepStrictEqual(await first, {
      message: 'Update your brag document — 1 piece of work this week not recorded yet',
      choice: 'Snooze until Monday',
    });
    assert.deepStrictEqual(seen[0]!.buttons, ['Review now', 'Snooze until Monday', 'Turn off']);

    const snoozed = once(reminder.onDidSchedule, 'the look after the snooze');
    clock.jump(local(2026, 3, 20, 16, 1));
    assert.strictEqual((await snoozed).due, local(2026, 3, 23, 16), 'Monday at the reminder’s time');

    const monday = once(reminder.onDidRemind, 'the snoozed reminder');
    clock.jump(local(2026, 3, 23, 16));
    assert.strictEqual((await monday).choice, 'Review now');
    assert.strictEqual(seen.length, 2);
    assert.match(seen[1]!.message, /1 piece of work/, 'the snoozed week’s work');
    assert.deepStrictEqual(a.services.mergedWork.currentRange, { since: '2026-03-16', until: '2026-03-23' });
    a.services.mergedWork.showRange(null);
  });

  it('is silent in a week with nothing new, and is due again the week after', async () => {
    const clock = new FakeClock(local(2026, 4, 6, 9));
    const { seen, notify } = answering();
    const reminder = await reminderOn(clock, notify);
    const after = once(reminder.onDidSchedule, 'the look at Friday 16:00');
    clock.jump(local(2026, 4, 10, 16));
    assert.strictEqual((await after).due, local(2026, 4, 17, 16), 'next Friday');
    assert.strictEqual(seen.length, 0);
  });

  it('shows once a week across windows: of two windows due at once, one notifies', async () => {
    const a = await api();
    const shared = new SharedState();
    const claims = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-it-reminder-'));
    const windows = [answering(undefined), answering(undefined)];
    const clocks = windows.map(() => new FakeClock(local(2026, 3, 4, 9)));
    const reminders = windows.map((w, i) => new WeeklyReminder(a.services.mergedWork, shared, claims, a.services.log, clocks[i], w.notify));
    try {
      const looked = reminders.map((r) => once(r.onDidSchedule, 'a window’s look at 16:00'));
      clocks.forEach((c) => c.jump(local(2026, 3, 6, 16)));
      await Promise.all(looked);
      assert.strictEqual(windows[0]!.seen.length + windows[1]!.seen.length, 1, 'one reminder between them');
      assert.deepStrictEqual(fs.readdirSync(claims), ['week-2026-03-02.claim']);
    } finally {
      reminders.forEach((r) => r.dispose());
      fs.rmSync(claims, { recursive: true, force: true });
    }
  });

  it('shows one reminder at a time: one still unanswered two weeks later is not joined by that week’s', async () => {
    const clock = new FakeClock(local(2026, 3, 4, 9));
    let answer: (choice: string | undefined) => void = () => undefined;
    const shown: string[] = [];
    const reminder = await reminderOn(clock, (message) => {
      shown.push(message);
      return new Promise((resolve) => (answer = resolve));
    });
    clock.jump(local(2026, 3, 6, 16)); // shown; its answer is pending
    await new Promise<void>((resolve) => {
      const wait = () => (shown.length > 0 ? resolve() : setImmediate(wait));
      wait();
    });
    try {
      const looked = once(reminder.onDidSchedule, 'the look after the settings changed');
      await config().update('time', '16:01', vscode.ConfigurationTarget.Global); // a look, and a timer, while it is shown
      await looked;
      const again = once(reminder.onDidSchedule, 'the look two weeks later, the first still shown');
      clock.jump(local(2026, 3, 20, 16, 5)); // that week's is due, with work merged on the 20th
      await again;
      assert.strictEqual(shown.length, 1, 'no second notification');
      const done = once(reminder.onDidRemind, 'the answer');
      answer(undefined);
      assert.strictEqual((await done).choice, undefined);
    } finally {
      await config().update('time', '16:00', vscode.ConfigurationTarget.Global);
    }
  });

  it('Turn off sets the day to off in User settings; then nothing is due', async () => {
    const clock = new FakeClock(local(2026, 3, 2, 9));
    const { notify } = answering('Turn off');
    const reminder = await reminderOn(clock, notify);
    const off = new Promise<void>((resolve) => {
      const sub = reminder.onDidSchedule((e) => e.due === null && (sub.dispose(), resolve()));
    });
    clock.jump(local(2026, 3, 6, 16));
    await off;
    assert.strictEqual(config().inspect('day')?.globalValue, 'off');
    await config().update('day', undefined, vscode.ConfigurationTarget.Global);
  });
});

import * as assert from 'assert';
import {
  DEFAULT_REMINDER,
  ReminderSettings,
  nextDue,
  nextMonday,
  readClockTime,
  readQuietHours,
  weekOf,
} from '../../src/core/prompt/weeklyReminder';
import { english } from '../../src/vscode/shared/translate';
import { reminderText } from '../../src/vscode/reminder/reminderModel';

// Local times throughout (the reminder follows the user's clock): 2026-12-04 is a Friday.
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);
const FRIDAY_4PM = local(2026, 12, 4, 16).getTime();
const show = (ms: number | null) => (ms === null ? null : new Date(ms).toString().slice(0, 21));

describe('weekly reminder: when it is due', () => {
  const s: ReminderSettings = DEFAULT_REMINDER;

  it('this week’s Friday 16:00 from earlier in the week; at once when it passed unhandled; next week’s once handled', () => {
    assert.strictEqual(nextDue(local(2026, 12, 1, 9), s, {}), FRIDAY_4PM);
    assert.strictEqual(nextDue(local(2026, 12, 4, 17, 30), s, {}), local(2026, 12, 4, 17, 30).getTime(), 'missed while closed: now');
    assert.strictEqual(show(nextDue(local(2026, 12, 4, 17), s, { handledWeek: '2026-11-30' })), show(local(2026, 12, 11, 16).getTime()));
    assert.strictEqual(nextDue(local(2026, 12, 1, 9), s, { handledWeek: '2026-11-23' }), FRIDAY_4PM, 'last week’s handled: this week’s');
  });

  it('never in the quiet hours: a reminder missed until 23:00 waits for 08:00', () => {
    assert.strictEqual(show(nextDue(local(2026, 12, 5, 23), s, {})), show(local(2026, 12, 6, 8).getTime()));
    assert.strictEqual(show(nextDue(local(2026, 12, 6, 6), s, {})), show(local(2026, 12, 6, 8).getTime()));
    const late = { ...s, minutes: 21 * 60 };
    assert.strictEqual(show(nextDue(local(2026, 12, 1), late, {})), show(local(2026, 12, 5, 8).getTime()), 'a time inside them moves too');
    assert.strictEqual(show(nextDue(local(2026, 12, 1), { ...late, quiet: null }, {})), show(local(2026, 12, 4, 21).getTime()));
  });

  it('a snooze wins over the weekday; off is never due', () => {
    const monday = nextMonday(local(2026, 12, 4, 16, 5), s);
    assert.strictEqual(show(monday), show(local(2026, 12, 7, 16).getTime()));
    assert.strictEqual(nextDue(local(2026, 12, 5, 10), s, { handledWeek: '2026-11-30', snoozedUntil: monday }), monday);
    assert.strictEqual(nextDue(local(2026, 12, 1), { ...s, day: 'off' }, {}), null);
  });

  it('weeks start on Monday, local', () => {
    assert.strictEqual(weekOf(local(2026, 12, 6, 23, 59)), '2026-11-30', 'Sunday night is still that week');
    assert.strictEqual(weekOf(local(2026, 12, 7, 0, 1)), '2026-12-07');
    assert.strictEqual(weekOf(local(2027, 1, 1, 12)), '2026-12-28');
  });

  it('reads HH:MM and quiet hours; a malformed value is not read', () => {
    assert.strictEqual(readClockTime('16:00'), 960);
    assert.strictEqual(readClockTime('07:05'), 425);
    for (const bad of ['24:00', '7:00', '16:60', '', 1600, null]) assert.strictEqual(readClockTime(bad), null, String(bad));
    assert.deepStrictEqual(readQuietHours('22:00-07:00'), { from: 1320, to: 420 });
    assert.strictEqual(readQuietHours(''), null);
    assert.strictEqual(readQuietHours('22:00'), undefined);
    assert.strictEqual(readQuietHours('08:00-08:00'), undefined);
  });

  it('says how many pieces of work wait, with its three buttons', () => {
    assert.deepStrictEqual(reminderText(4, english), {
      message: 'Update your brag document — 4 pieces of work this week not recorded yet',
      review: 'Review now',
      snooze: 'Snooze until Monday',
      off: 'Turn off',
    });
    assert.match(reminderText(1, english).message, /— 1 piece of work this week/);
  });
});

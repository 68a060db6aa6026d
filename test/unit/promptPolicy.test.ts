import * as assert from 'assert';
import { PromptSettings, decidePrompt, quietUntil } from '../../src/core/prompt/policy';
import { suggestion } from '../support/suggestion';

const at = (hh: number, mm = 0) => new Date(2026, 10, 21, hh, mm, 0, 0); // local time
const base: PromptSettings = { mode: 'commit', quietHours: '', minIntervalMinutes: 30 };
const commitWork = suggestion({ kind: 'commit', pr: null, title: 'Direct commit' });
const prWork = suggestion({ kind: 'merge', title: 'PR landed', sha: 'b'.repeat(40) });

describe('prompt policy', () => {
  it('prompts once for one piece of work, and batches several', () => {
    assert.deepStrictEqual(decidePrompt([prWork], base, at(10), null), { action: 'single', item: prWork });
    assert.deepStrictEqual(decidePrompt([prWork, commitWork], base, at(10), null), { action: 'batch', items: [prWork, commitWork] });
  });

  it('honours the mode: merge-only skips plain commits; off never prompts', () => {
    assert.deepStrictEqual(decidePrompt([commitWork], { ...base, mode: 'merge' }, at(10), null), { action: 'none' });
    assert.deepStrictEqual(decidePrompt([commitWork, prWork], { ...base, mode: 'merge' }, at(10), null), {
      action: 'single',
      item: prWork,
    });
    assert.deepStrictEqual(decidePrompt([prWork], { ...base, mode: 'off' }, at(10), null), { action: 'none' });
  });

  it('waits out the interval since the last prompt', () => {
    const last = at(10).getTime();
    assert.deepStrictEqual(decidePrompt([prWork], base, at(10, 10), last), { action: 'wait', retryAt: at(10, 30).getTime() });
    assert.strictEqual(decidePrompt([prWork], base, at(10, 30), last).action, 'single');
  });

  it('waits out quiet hours, also across midnight', () => {
    const quiet = { ...base, quietHours: '22:00-08:00' };
    assert.deepStrictEqual(decidePrompt([prWork], quiet, at(23), null), {
      action: 'wait',
      retryAt: new Date(2026, 10, 22, 8, 0).getTime(),
    });
    assert.deepStrictEqual(decidePrompt([prWork], quiet, at(7, 59), null), { action: 'wait', retryAt: at(8).getTime() });
    assert.strictEqual(decidePrompt([prWork], quiet, at(8), null).action, 'single');
    assert.strictEqual(quietUntil('12:00-13:00', at(12, 30)), at(13).getTime());
    assert.strictEqual(quietUntil('nonsense', at(12)), null);
  });
});

import * as assert from 'assert';
import { compactDateToIso, isIsoDate, isoDateOrNull } from '../../src/core/evidence/dates';
import { canonicalStatus } from '../../src/core/evidence/status';

describe('canonicalStatus', () => {
  const cases: [string | null, string | null][] = [
    ['Accepted', 'accepted'],
    ['proposed', 'proposed'],
    ['**Rejected**', 'rejected'],
    ['Deprecated', 'deprecated'],
    ['Superseded by [3. X](0003-x.md)', 'superseded'],
    ['Superceded by [3. X](0003-x.md)', 'superseded'],
    ['superseded by ADR-0123', 'superseded'],
    ['Draft', 'draft'],
    ['on hold', null],
    ['Acceptedish', null],
    ['', null],
    [null, null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.strictEqual(canonicalStatus(input), expected));
  }
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2024-13-01'));
    assert.ok(!isIsoDate('2024-1-01'));
    assert.ok(!isIsoDate('{YYYY-MM-DD when the decision was last updated}'));
  });
  it('trims and rejects non-strings', () => {
    assert.strictEqual(isoDateOrNull(' 2024-01-02 '), '2024-01-02');
    assert.strictEqual(isoDateOrNull(20240102), null);
  });
  it('converts log4brains YYYYMMDD prefixes', () => {
    assert.strictEqual(compactDateToIso('20201222'), '2020-12-22');
    assert.strictEqual(compactDateToIso('20201332'), null);
  });
});

import * as assert from 'assert';
import { addDays, compactDateToIso, daysBetween, isIsoDate, isoDateOrNull, localToday } from '../../src/core/evidence/dates';
import { quarterDays, readRange } from '../../src/core/evidence/quarters';
import { CANONICAL_STATUSES, STATUSES, STATUS_SYNONYMS, canonicalStatus, closestStatuses } from '../../src/core/evidence/status';

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
    ['Approved', 'accepted'],
    ['Approved by the architecture board', 'accepted'],
    ['In Review', 'proposed'],
    ['under review', 'proposed'],
    ['Pending', 'proposed'],
    ['RFC', 'proposed'],
    ["Won't do", 'rejected'],
    ['Won’t do', 'rejected'],
    ['Withdrawn', 'rejected'],
    ['Obsolete', 'deprecated'],
    ['Replaced by [4. Y](0004-y.md)', 'superseded'],
    ['Replaced', null],
    ['constructor', null],
    ['In', null],
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

describe('the status table', () => {
  it('maps every canonical word and every synonym to itself or its status', () => {
    for (const s of CANONICAL_STATUSES) assert.strictEqual(canonicalStatus(s), s);
    for (const [word, status] of Object.entries(STATUS_SYNONYMS)) assert.strictEqual(canonicalStatus(word), status, word);
  });
  it('lists every status once, with a distinct group rank', () => {
    assert.strictEqual(new Set(STATUSES.map((s) => s.groupRank)).size, STATUSES.length);
    assert.deepStrictEqual(CANONICAL_STATUSES, ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft']);
  });
});

describe('day arithmetic', () => {
  it('gives the local calendar date', () => assert.strictEqual(localToday(new Date(2026, 0, 5, 23, 30)), '2026-01-05'));
  it('adds and subtracts days across months and leap days', () => {
    assert.strictEqual(addDays('2024-02-28', 1), '2024-02-29');
    assert.strictEqual(addDays('2024-03-01', -1), '2024-02-29');
    assert.strictEqual(addDays('2025-12-31', 90), '2026-03-31');
  });
  it('takes the years 0001–9999 alike, and no other', () => {
    assert.ok(isIsoDate('0001-01-01') && isIsoDate('0099-12-31') && isIsoDate('9999-12-31'));
    assert.ok(!isIsoDate('0000-01-01'));
    assert.strictEqual(addDays('0099-12-31', 1), '0100-01-01');
    assert.strictEqual(addDays('0001-03-01', -120), '0001-01-01', 'kept within the first year');
    assert.strictEqual(addDays('9999-12-01', 90), '9999-12-31');
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
  });

  it('reads quarters of any year 0001–9999, and nothing else', () => {
    assert.deepStrictEqual(readRange('0999-Q1', '2026-12-01'), { since: '0999-01-01', until: '0999-03-31' });
    assert.deepStrictEqual(readRange('0004-Q1', '2026-12-01'), { since: '0004-01-01', until: '0004-03-31' });
    assert.deepStrictEqual(quarterDays(4, 1).until, '0004-03-31');
    assert.deepStrictEqual(quarterDays(2024, 1).until, '2024-03-31');
    assert.deepStrictEqual(quarterDays(2000, 1), { since: '2000-01-01', until: '2000-03-31' });
    assert.strictEqual(readRange('0000-Q4', '2026-12-01'), null);
    assert.strictEqual(readRange('last-quarter', '0001-02-01'), null);
  });

  it('counts whole days between two dates', () => {
    assert.strictEqual(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.strictEqual(daysBetween('2024-03-01', '2024-02-28'), -2);
  });
});

describe('quick fixes for an unknown status', () => {
  it('offers the closest canonical status first', () => {
    assert.deepStrictEqual(closestStatuses('Accpeted'), ['accepted', 'proposed', 'rejected', 'deprecated']);
    assert.strictEqual(closestStatuses('Rejectd')[0], 'rejected');
    assert.strictEqual(closestStatuses('Depricated')[0], 'deprecated');
    assert.strictEqual(closestStatuses('Aproved')[0], 'accepted', 'close to a synonym of accepted');
    assert.strictEqual(closestStatuses('In reveiw')[0], 'proposed');
    assert.deepStrictEqual(closestStatuses('on hold').sort(), ['accepted', 'deprecated', 'proposed', 'rejected']);
  });
});

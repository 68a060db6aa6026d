import * as assert from 'assert';
import { DiagnosticsModel, toDiagnosticData } from '../../src/vscode/diagnostics/diagnosticsModel';
import { FakeIndex, adr } from './support/fakeIndex';

const options = () => ({ today: '2026-02-10', proposedMaxDays: 30 });
const summary = (changes: ReturnType<DiagnosticsModel['publish']>) => changes.map((c) => [c.path, c.diagnostics.map((d) => d.code)]);

describe('Problems panel findings (DiagnosticsModel, plain Node)', () => {
  it('publishes every file with findings after a scan, then only files whose findings changed', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('A', 'on hold'),
      'docs/decisions/0002-b.md': adr('B', 'accepted', '2026-02-03', 'amends: [0009-gone.md]\n'),
      'docs/decisions/0003-c.md': adr('C', 'accepted'),
    });
    const m = new DiagnosticsModel(options);
    m.take(index.scan());
    assert.deepStrictEqual(summary(m.publish(index.scanSnapshot())), [
      ['docs/decisions/0001-a.md', ['unknown-status']],
      ['docs/decisions/0002-b.md', ['missing-link-target']],
    ]);
    // C gets an unknown status; A and B keep theirs: only C is published.
    let change = index.edit(shop, { 'docs/decisions/0003-c.md': adr('C', 'maybe') });
    m.take(change);
    assert.deepStrictEqual(summary(m.publish(change.snapshot)), [['docs/decisions/0003-c.md', ['unknown-status']]]);
    // A is fixed: its diagnostics are cleared.
    change = index.edit(shop, { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    m.take(change);
    assert.deepStrictEqual(summary(m.publish(change.snapshot)), [['docs/decisions/0001-a.md', []]]);
    // The missing target appears: B's finding goes, though B itself did not change.
    change = index.edit(shop, { 'docs/decisions/0009-gone.md': adr('Gone', 'accepted') });
    m.take(change);
    assert.deepStrictEqual(summary(m.publish(change.snapshot)), [['docs/decisions/0002-b.md', []]]);
  });

  it('checks a document again only when a change list names it', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', { 'docs/decisions/0001-a.md': adr('A', 'on hold') });
    const m = new DiagnosticsModel(options);
    m.take(index.scan());
    m.publish(index.scanSnapshot());
    const change = index.edit(shop, { 'docs/decisions/0001-a.md': adr('A', 'accepted') });
    assert.deepStrictEqual(summary(m.publish(change.snapshot)), [], 'not taken: the old findings stand');
    m.take(change);
    assert.deepStrictEqual(summary(m.publish(change.snapshot)), [['docs/decisions/0001-a.md', []]]);
  });

  it('places a finding for the Problems panel: 0-based line and column, the first line when it has none', () => {
    const base = { path: 'a.md', message: 'm', code: 'bad-date' as const, severity: 'warning' as const };
    assert.deepStrictEqual(toDiagnosticData({ ...base, line: 7, column: 3 }), {
      line: 6,
      column: 2,
      message: 'm',
      severity: 'warning',
      code: 'bad-date',
    });
    assert.deepStrictEqual(toDiagnosticData({ ...base, line: null, data: 'x' }), {
      line: 0,
      column: 0,
      message: 'm',
      severity: 'warning',
      code: 'bad-date',
      data: 'x',
    });
  });
});

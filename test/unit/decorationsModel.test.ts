import * as assert from 'assert';
import { DecorationsModel, statusBadge } from '../../src/vscode/evidenceView/decorationsModel';
import { FakeIndex, adr } from './support/fakeIndex';

describe('status decorations (DecorationsModel, plain Node)', () => {
  it('gives each status its letter from the status table; accepted and no status have none', () => {
    assert.deepStrictEqual(statusBadge('proposed'), { letter: 'P', tooltip: 'Proposed', dim: false });
    assert.deepStrictEqual(statusBadge('superseded'), { letter: 'S', tooltip: 'Superseded', dim: true });
    assert.deepStrictEqual(statusBadge('draft'), { letter: 'Dr', tooltip: 'Draft', dim: false });
    assert.strictEqual(statusBadge('accepted'), undefined);
    assert.strictEqual(statusBadge(null), undefined);
  });

  it('asks for every decoration after a full scan, and after an edit only for files whose status changed', () => {
    const index = new FakeIndex();
    const shop = index.folder('shop', {
      'docs/decisions/0001-a.md': adr('A', 'accepted'),
      'docs/decisions/0002-b.md': adr('B', 'proposed'),
    });
    const m = new DecorationsModel('/');
    assert.deepStrictEqual(m.apply(index.scan()), { all: true });
    assert.strictEqual(m.badge('/ws/shop/docs/decisions/0002-b.md')?.letter, 'P');
    assert.strictEqual(m.badge('/ws/shop/docs/decisions/0001-a.md'), undefined);
    assert.deepStrictEqual(
      m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('B, retitled', 'proposed') })),
      { all: false, files: [] },
      'same status: nothing to ask for',
    );
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': adr('B', 'rejected') })), {
      all: false,
      files: [{ root: '/ws/shop', path: 'docs/decisions/0002-b.md' }],
    });
    assert.deepStrictEqual(m.badge('/ws/shop/docs/decisions/0002-b.md'), { letter: 'R', tooltip: 'Rejected', dim: true });
    assert.deepStrictEqual(m.apply(index.edit(shop, { 'docs/decisions/0002-b.md': null })), {
      all: false,
      files: [{ root: '/ws/shop', path: 'docs/decisions/0002-b.md' }],
    });
    assert.strictEqual(m.badge('/ws/shop/docs/decisions/0002-b.md'), undefined);
  });

  it('joins paths with the platform separator', () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0002-b.md': adr('B', 'proposed') });
    const m = new DecorationsModel('\\');
    m.apply(index.scan());
    assert.strictEqual(m.badge('/ws/shop\\docs\\decisions\\0002-b.md')?.letter, 'P');
  });
});

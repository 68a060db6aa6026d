import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DecisionStore } from '../../src/node/decisions';
import { journaledCommits, writeBragEntry } from '../../src/node/journal';
import { watchHead } from '../../src/node/git/headWatcher';
import { evidenceRepo, removeDir, tempDir } from '../support/gitRepo';
import { suggestion } from '../support/suggestion';

describe('journal (brag entries)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('journal')));
  afterEach(() => removeDir(dir));

  it('writes an entry under brag/YYYY, never overwriting, and finds its commit again', async () => {
    const s = suggestion();
    const first = await writeBragEntry(dir, s, 'shop');
    assert.strictEqual(path.relative(dir, first), path.join('brag', '2026', '2026-03-05-add-export-to-csv.md'));
    const second = await writeBragEntry(dir, s, 'shop');
    assert.strictEqual(path.basename(second), '2026-03-05-add-export-to-csv-2.md');
    assert.strictEqual(fs.readFileSync(first, 'utf8'), fs.readFileSync(second, 'utf8'));
    assert.deepStrictEqual([...(await journaledCommits(dir))], [s.sha]);
  });

  it('reports a journal folder that cannot be created', async () => {
    fs.writeFileSync(path.join(dir, 'brag'), 'a file where the folder should be');
    await assert.rejects(writeBragEntry(dir, suggestion(), 'shop'), /cannot create the journal folder/);
  });
});

describe('decision store', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('decisions')));
  afterEach(() => removeDir(dir));

  it('keeps accepted and dismissed suggestions by commit and by PR number, across instances', async () => {
    const a = new DecisionStore(dir, '/repo');
    await a.record(suggestion(), { state: 'dismissed', at: '2026-11-21T10:00:00Z' });
    const b = new DecisionStore(dir, '/repo');
    // The same PR re-merged under another commit stays dismissed.
    assert.deepStrictEqual(await b.decisionOf(suggestion({ commits: ['f'.repeat(40)] })), {
      state: 'dismissed',
      at: '2026-11-21T10:00:00Z',
    });
    assert.strictEqual(await b.decisionOf(suggestion({ commits: ['f'.repeat(40)], pr: null })), undefined);
    assert.strictEqual(await new DecisionStore(dir, '/other-repo').decisionOf(suggestion()), undefined);
  });

  it('lets a snooze expire, and writes atomically (no temporary files left)', async () => {
    const store = new DecisionStore(dir, '/repo');
    await store.record(suggestion(), { state: 'snoozed', at: '2026-11-21T10:00:00Z', until: '2026-11-22T10:00:00Z' });
    assert.strictEqual((await store.decisionOf(suggestion(), Date.parse('2026-11-22T09:00:00Z')))?.state, 'snoozed');
    assert.strictEqual(await store.decisionOf(suggestion(), Date.parse('2026-11-22T10:00:00Z')), undefined);
    assert.deepStrictEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('survives a corrupt state file', async () => {
    const store = new DecisionStore(dir, '/repo');
    await store.record(suggestion(), { state: 'dismissed', at: 'x' });
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    fs.writeFileSync(file, '{ not json');
    const fresh = new DecisionStore(dir, '/repo');
    assert.strictEqual(await fresh.decisionOf(suggestion()), undefined);
    await fresh.record(suggestion(), { state: 'accepted', at: 'y', entry: '/j/e.md' });
    assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).version, 1);
  });
});

describe('head watcher', function () {
  this.timeout(20_000);

  it('sees a terminal commit once per burst, and not a lock file', async () => {
    const repo = evidenceRepo();
    try {
      let calls = 0;
      const watcher = watchHead(path.join(repo.root, '.git'), () => calls++, 200);
      await new Promise((r) => setTimeout(r, 100));
      fs.writeFileSync(path.join(repo.root, '.git', 'refs', 'heads', 'x.lock'), '');
      await new Promise((r) => setTimeout(r, 400));
      assert.strictEqual(calls, 0, 'a .lock file alone is not a change');
      fs.rmSync(path.join(repo.root, '.git', 'refs', 'heads', 'x.lock'));
      repo.commit({ 'n.txt': 'n' }, 'New work');
      await new Promise((r) => setTimeout(r, 800));
      watcher.close();
      assert.strictEqual(calls, 1);
    } finally {
      removeDir(repo.root);
    }
  });
});

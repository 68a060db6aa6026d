import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AdditionCache } from '../../src/node/git/additionCache';
import { Repository, openRepository } from '../../src/node/git/repository';
import { COLLEAGUE, ME, TestRepo, removeDir, tempDir } from '../support/gitRepo';

/** Runs `fn` and returns the git commands it started through `repo` (arguments joined by spaces). */
async function gitCalls<T>(repo: Repository, fn: () => Promise<T>): Promise<{ value: T; calls: string[] }> {
  const calls: string[] = [];
  const raw = repo.git.raw.bind(repo.git);
  (repo.git as { raw: unknown }).raw = (args: string[]) => {
    calls.push(`git ${args.filter((a) => a !== '--literal-pathspecs').join(' ')}`);
    return raw(args);
  };
  try {
    return { value: await fn(), calls };
  } finally {
    (repo.git as { raw: unknown }).raw = raw;
  }
}

const who = (m: Map<string, { author: { email: string } }>) => Object.fromEntries([...m].map(([p, a]) => [p, a.author.email]).sort());

describe('who added each evidence file, cached by blob id', () => {
  let repo: TestRepo;
  let store: string;
  beforeEach(() => {
    repo = new TestRepo();
    store = tempDir('storage');
  });
  afterEach(() => {
    removeDir(repo.root);
    removeDir(store);
  });

  it('asks git log only for files it has not seen, also after a reload', async () => {
    repo.commit({ 'doc/adr/0001-a.md': '# 1. A\n' }, 'A', ME, '2026-01-02T09:00:00Z');
    repo.commit({ 'doc/adr/0002-b.md': '# 2. B\n' }, 'B', COLLEAGUE, '2026-01-03T09:00:00Z');
    const r = await openRepository(repo.root);
    const file = path.join(store, 'additions.json');
    const cache = new AdditionCache(file, 0);

    const first = await gitCalls(r, () => cache.additions(r, ['doc/adr']));
    assert.deepStrictEqual(who(first.value), { 'doc/adr/0001-a.md': ME.email, 'doc/adr/0002-b.md': COLLEAGUE.email });
    assert.ok(
      first.calls.some((c) => c.startsWith('git log ')),
      first.calls.join('\n'),
    );

    // A commit that touches no evidence document: ls-tree only.
    repo.commit({ 'notes.md': 'x' }, 'notes', ME, '2026-01-04T09:00:00Z');
    const second = await gitCalls(r, () => cache.additions(r, ['doc/adr']));
    assert.deepStrictEqual(who(second.value), who(first.value));
    assert.ok(!second.calls.some((c) => / log /.test(c)), second.calls.join('\n'));
    assert.ok(second.calls.some((c) => / ls-tree /.test(c)));

    // A new session reads the cache from its file.
    await cache.whenSaved();
    const reloaded = await gitCalls(r, () => new AdditionCache(file, 0).additions(r, ['doc/adr']));
    assert.deepStrictEqual(who(reloaded.value), who(first.value));
    assert.ok(!reloaded.calls.some((c) => / log /.test(c)), reloaded.calls.join('\n'));
  });

  it('names only the new or changed files, literally (a name with glob characters is just a name)', async () => {
    repo.commit({ 'doc/adr/0001-a.md': '# 1. A\n' }, 'A', ME, '2026-01-02T09:00:00Z');
    const r = await openRepository(repo.root);
    const cache = new AdditionCache();
    await cache.additions(r, ['doc/adr']);
    repo.commit({ 'doc/adr/0002-[b]*.md': '# 2. B\n', 'doc/adr/0001-a.md': '# 1. A, edited\n' }, 'B', COLLEAGUE, '2026-01-03T09:00:00Z');
    const next = await gitCalls(r, () => cache.additions(r, ['doc/adr']));
    assert.deepStrictEqual(who(next.value), { 'doc/adr/0001-a.md': ME.email, 'doc/adr/0002-[b]*.md': COLLEAGUE.email });
    const log = next.calls.find((c) => / log /.test(c)) ?? '';
    assert.deepStrictEqual(log.split(' -- ')[1]?.split(' ').sort(), ['doc/adr/0001-a.md', 'doc/adr/0002-[b]*.md'], log);
  });

  it('starts empty from a damaged cache file, and answers for a repository without commits', async () => {
    const file = path.join(store, 'additions.json');
    fs.writeFileSync(file, '{ not json');
    const r = await openRepository(repo.root);
    assert.deepStrictEqual(who(await new AdditionCache(file, 0).additions(r, ['doc/adr'])), {});
    repo.commit({ 'doc/adr/0001-a.md': '# 1. A\n' }, 'A', ME, '2026-01-02T09:00:00Z');
    const refilled = new AdditionCache(file, 0);
    assert.deepStrictEqual(who(await refilled.additions(r, ['doc/adr'])), { 'doc/adr/0001-a.md': ME.email });
    await refilled.whenSaved();
    assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).version, 1, 'the damaged file was replaced');
  });
});

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mine } from '../../src/node/git/mine';
import { mineInWorker } from '../../src/node/git/mineInWorker';
import { openRepository } from '../../src/node/git/repository';
import { evidenceRepo, removeDir, tempDir } from '../support/gitRepo';

/** A repository of `n` one-line commits on main, written by git fast-import (fast to make). */
function longHistory(n: number): string {
  const dir = tempDir('worker-long');
  spawnSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const t = 1_700_000_000 + i * 60;
    const msg = `Change ${i} (#${i})\n`;
    out.push(
      `commit refs/heads/main\nmark :${i}\nauthor Dev <dev@example.com> ${t} +0000\ncommitter Dev <dev@example.com> ${t} +0000\ndata ${msg.length}\n${msg}`,
      i > 1 ? `from :${i - 1}\n` : '',
      `M 644 inline f${i % 50}.txt\ndata 2\n${i % 10}\n\n`,
    );
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: out.join('') });
  assert.strictEqual(r.status, 0, String(r.stderr));
  spawnSync('git', ['checkout', '--quiet', '-f', 'main'], { cwd: dir });
  return dir;
}

describe('mining in a worker thread', function () {
  this.timeout(60_000);

  it('gives what mining in this thread gives, incremental runs included', async () => {
    const repo = evidenceRepo();
    try {
      const opened = await openRepository(repo.root);
      const here = await mine(opened, { filter: { authors: 'all' } });
      const there = await mineInWorker(opened, { filter: { authors: 'all' } });
      assert.ok(here.suggestions.length >= 4);
      assert.deepStrictEqual(there, here);
      const again = await mineInWorker(opened, { filter: { authors: 'all' }, previous: here });
      assert.deepStrictEqual([again.incremental, again.suggestions], [true, here.suggestions]);
    } finally {
      removeDir(repo.root);
    }
  });

  it('rejects as mining does: a UserError for git failing, an AbortError when cancelled', async () => {
    const dir = longHistory(30_000);
    try {
      const opened = await openRepository(dir);
      const gone = { ...opened, root: `${dir}-missing` };
      await assert.rejects(
        mineInWorker(gone, { filter: { authors: 'all' } }),
        (err: Error) => err.name === 'UserError' && /not a directory/.test(err.message),
      );
      const controller = new AbortController();
      const started = Date.now();
      const run = mineInWorker(opened, { filter: { authors: 'all' }, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await assert.rejects(run, (err: Error) => err.name === 'AbortError');
      const full = Date.now();
      await mineInWorker(opened, { filter: { authors: 'all' } });
      assert.ok(Date.now() - full > full - started, 'the cancelled run ended before a whole one would have');
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(
        mineInWorker(opened, { filter: { authors: 'all' }, signal: aborted.signal }),
        (err: Error) => err.name === 'AbortError',
      );
    } finally {
      removeDir(dir);
    }
  });
});

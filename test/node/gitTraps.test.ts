import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { userIdentities } from '../../src/node/git/identity';
import { mine } from '../../src/node/git/mine';
import { fileAdditions, headBlobs, namesOnAllRefs, openRepository } from '../../src/node/git/repository';
import { cli } from '../support/cli';
import { COLLEAGUE, evidenceRepo, removeDir } from '../support/gitRepo';

// A repository is workspace content, and its configuration can name programs for git to run. Each
// trap below leaves a marker when it runs. The positive control makes git itself spring each trap
// (so the test would fail if a trap could not leave its marker); then everything we run — the
// miner, the index's git lookups, numbering, identities and the CLI — must leave none.

describe("git traps in a repository's configuration never run", function () {
  this.timeout(60_000);

  it('fsmonitor, hooks, diff.external, textconv and sshCommand: git springs them, we never do', async () => {
    const repo = evidenceRepo();
    const marker = `${repo.root}-traps.log`;
    try {
      const trap = path.join(path.dirname(repo.root), `${path.basename(repo.root)}-trap.sh`);
      fs.writeFileSync(trap, `#!/bin/sh\necho "$TRAP $*" >> '${marker}'\nexit 0\n`, { mode: 0o755 });
      const set = (key: string, name: string) => repo.git('config', key, `TRAP=${name} '${trap}'`);
      set('core.fsmonitor', 'fsmonitor');
      set('diff.external', 'diff.external');
      set('diff.trap.textconv', 'textconv');
      set('core.sshCommand', 'sshCommand');
      fs.writeFileSync(path.join(repo.root, '.gitattributes'), '*.md diff=trap\n');
      for (const hook of ['post-checkout', 'post-commit', 'pre-commit', 'reference-transaction', 'post-index-change', 'pre-auto-gc'])
        fs.writeFileSync(path.join(repo.root, '.git', 'hooks', hook), `#!/bin/sh\nTRAP=${hook} '${trap}'\n`, { mode: 0o755 });
      repo.commit({ 'doc/adr/0003-c.md': '# 3. C\n\n## Status\n\nProposed\n' }, 'Add C', COLLEAGUE); // runs the commit hooks
      const sprung = () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');

      // The positive control: git runs every trap when asked to do what each is for.
      const run = (args: string[]) =>
        spawnSync('git', args, { cwd: repo.root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
      run(['status']);
      run(['diff', 'HEAD~1', 'HEAD']);
      run(['log', '-p', '-1', '--textconv', '--no-ext-diff']);
      run(['ls-remote', 'ssh://example.invalid/x.git']);
      for (const name of ['pre-commit', 'post-commit', 'fsmonitor', 'diff.external', 'textconv', 'sshCommand'])
        assert.match(sprung(), new RegExp(`^${name.replace('.', '\\.')} `, 'm'), `control: git springs ${name}`);
      fs.rmSync(marker);

      // What we run, in-process and through the CLI.
      const opened = await openRepository(repo.root);
      await mine(opened, { filter: { authors: 'all' } });
      await fileAdditions(opened, ['doc/adr/']);
      await headBlobs(opened, ['doc/adr']);
      await namesOnAllRefs(opened, 'doc/adr');
      await userIdentities(opened, ['dana@example.com']);
      for (const args of [
        ['suggest', repo.root, '--all-authors', '--json'],
        ['overview', repo.root],
        ['check', repo.root],
      ])
        cli(args);
      const created = cli(['new', 'adr', 'Trapped', '--dir', repo.root]);
      assert.strictEqual(created.code, 0, created.stderr);
      assert.strictEqual(sprung(), '', 'a trap ran');
      execFileSync('git', ['--version']); // the log file is ours to read: nothing is still writing to it
    } finally {
      removeDir(repo.root);
      fs.rmSync(marker, { force: true });
      fs.rmSync(`${repo.root}-trap.sh`, { force: true });
    }
  });
});

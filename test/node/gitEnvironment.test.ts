import * as assert from 'assert';
import { allowedGitVariables, gitEnvironment } from '../../src/node/git/environment';
import { mine } from '../../src/node/git/mine';
import { configValue, openRepository } from '../../src/node/git/repository';
import { ME, TestRepo, removeDir, tempDir } from '../support/gitRepo';

describe('the environment of the git processes we start', () => {
  it('drops ambient GIT_* variables and the programs git could start, keeps GIT_TRACE, and adds ours', () => {
    const env = gitEnvironment({
      PATH: '/bin',
      HOME: '/home/x',
      EDITOR: 'vi',
      PAGER: 'less',
      GIT_DIR: '/elsewhere',
      git_work_tree: '/w',
      GIT_CONFIG_GLOBAL: '/evil',
      GIT_TRACE: '/tmp/t',
      GIT_TRACE_PERFORMANCE: '1',
    });
    assert.deepStrictEqual(env, {
      PATH: '/bin',
      HOME: '/home/x',
      GIT_TRACE: '/tmp/t',
      GIT_TRACE_PERFORMANCE: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
    assert.deepStrictEqual(allowedGitVariables({ GIT_TRACE: '1', GIT_DIR: '/x' }), [
      'GIT_TERMINAL_PROMPT',
      'GIT_OPTIONAL_LOCKS',
      'GIT_TRACE',
    ]);
  });

  it('short commands and streamed history reads alike ignore a GIT_DIR set around us', async () => {
    const repo = new TestRepo();
    const other = tempDir('other-git-dir');
    const saved = process.env.GIT_DIR;
    try {
      repo.commit({ 'a.txt': 'a' }, 'feat: the first piece of work');
      // A GIT_DIR left by whatever started us (a hook, a shell) would make git read another repository.
      process.env.GIT_DIR = other;
      const opened = await openRepository(repo.root);
      assert.strictEqual(await configValue(opened, 'user.email'), ME.email, 'simple-git read this repository');
      const result = await mine(opened, { filter: { authors: [ME.email] } });
      assert.deepStrictEqual(
        result.suggestions.map((s) => s.title),
        ['The first piece of work'],
        'the streamed log read this repository',
      );
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
      removeDir(repo.root);
      removeDir(other);
    }
  });
});

import * as assert from 'assert';
import { mine } from '../../src/node/git/mine';
import { openRepository } from '../../src/node/git/repository';
import { COLLEAGUE, ME, TestRepo, removeDir } from '../support/gitRepo';

describe("merged work of a branch that ends with a bot's commit", () => {
  it('is credited to the person whose commits it holds, in a real repository', async () => {
    const repo = new TestRepo();
    try {
      repo.commit({ 'main.tf': 'a' }, 'Start');
      repo.git('checkout', '--quiet', '-b', 'dana/cluster');
      repo.commit({ 'main.tf': 'b' }, 'Move the cluster', ME, '2026-03-03T10:00:00+01:00');
      const bot = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
      repo.commit({ 'main.tf': 'b ' }, 'terraform fmt', bot, '2026-03-03T11:00:00+01:00');
      repo.git('checkout', '--quiet', 'main');
      repo.merge('dana/cluster', 'Merge pull request #16 from dana/cluster\n\nMove the cluster to eu-west', COLLEAGUE);
      const result = await mine(await openRepository(repo.root), { filter: { authors: [ME.email] } });
      assert.deepStrictEqual(
        result.suggestions.map((s) => [s.title, s.author.email, s.coAuthors.map((p) => p.email)]),
        [
          ['Move the cluster to eu-west', ME.email, []],
          ['Start', ME.email, []],
        ],
      );
    } finally {
      removeDir(repo.root);
    }
  });
});

import * as assert from 'assert';
import { mine } from '../../src/node/git/mine';
import { openRepository } from '../../src/node/git/repository';
import { suggestionRole } from '../../src/core/git/suggestions';
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

  it("keeps the person who merged a bot's dependency update, as glue work, when others' work is asked for", async () => {
    const repo = new TestRepo();
    try {
      repo.commit({ 'package.json': '{}' }, 'Start', COLLEAGUE);
      repo.git('checkout', '--quiet', '-b', 'dependabot/npm/hbs-4.2.1');
      const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
      repo.commit({ 'package.json': '{"hbs":"4.2.1"}' }, 'build(deps): bump hbs from 4.2.0 to 4.2.1', bot, '2026-03-03T10:00:00+01:00');
      repo.git('checkout', '--quiet', 'main');
      repo.merge('dependabot/npm/hbs-4.2.1', 'Merge pull request #17 from dependabot/npm/hbs-4.2.1\n\nbuild(deps): bump hbs', ME);
      const opened = await openRepository(repo.root);
      const own = await mine(opened, { filter: { authors: [ME.email] } });
      assert.deepStrictEqual(own.suggestions, [], "a bot's change is not the user's own work");
      const glue = await mine(opened, { filter: { authors: [ME.email], othersWork: true } });
      assert.deepStrictEqual(
        glue.suggestions.map((s) => [s.title, s.author.email, s.mergedBy?.email, suggestionRole(s, [ME.email])]),
        [['Bump hbs', bot.email, ME.email, 'merged']],
      );
    } finally {
      removeDir(repo.root);
    }
  });
});

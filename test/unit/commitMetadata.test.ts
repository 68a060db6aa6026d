import * as assert from 'assert';
import { readConventionalTitle } from '../../src/core/git/conventional';
import { cleanDescription } from '../../src/core/git/description';
import { pullRequestUrl, readRemoteUrl } from '../../src/core/git/remote';
import { readTrailers, withoutTrailers } from '../../src/core/git/trailers';

describe('trailers', () => {
  // The trailer block of a real dependabot squash merge in the express history (#7152).
  const dependabot =
    'Bumps [hbs](https://github.com/pillarjs/hbs) from 4.2.0 to 4.2.1.\n\n---\nupdated-dependencies:\n- dependency-name: hbs\n...\n\nSigned-off-by: dependabot[bot] <support@github.com>\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';

  it('reads Co-authored-by, Signed-off-by, Reviewed-by and Gerrit Change-Id', () => {
    const t = readTrailers(dependabot);
    assert.deepStrictEqual(t.signedOffBy, [{ name: 'dependabot[bot]', email: 'support@github.com' }]);
    assert.deepStrictEqual(t.coAuthors, [{ name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }]);
    const gerrit = readTrailers(
      'Fix leak\n\nDetails.\n\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\nReviewed-by: Kim Lee <kim@example.com>',
    );
    assert.strictEqual(gerrit.changeId, 'I8473b95934b5732ac55d26311a706c9c2bde9940');
    assert.deepStrictEqual(gerrit.reviewers, [{ name: 'Kim Lee', email: 'kim@example.com' }]);
  });

  it('ignores a last paragraph that is prose, and removes a trailer block', () => {
    assert.deepStrictEqual(readTrailers('Title\n\nThis is: not a trailer block\nbecause of this line').coAuthors, []);
    assert.strictEqual(withoutTrailers('Title\n\nBody.\n\nCo-authored-by: A <a@x>'), 'Title\n\nBody.');
  });
});

describe('conventional commits', () => {
  const cases: [string, string, string, boolean][] = [
    ['feat(api)!: add bulk export', 'feature', 'Add bulk export', true],
    ['fix: handle empty body', 'fix', 'Handle empty body', false],
    ['perf: cache the router', 'performance', 'Cache the router', false],
    ['build(deps-dev): bump hbs from 4.2.0 to 4.2.1', 'build', 'Bump hbs from 4.2.0 to 4.2.1', false],
    ['docs: use the new logo', 'docs', 'Use the new logo', false],
    ['Upgrade `content-type`', 'other', 'Upgrade `content-type`', false],
    ['wip: something', 'other', 'wip: something', false],
  ];
  for (const [input, category, title, breaking] of cases) {
    it(`${input} → ${category}`, () => {
      const r = readConventionalTitle(input);
      assert.deepStrictEqual([r.category, r.title, r.breaking], [category, title, breaking]);
    });
  }
});

describe('cleanDescription', () => {
  it('removes PR-template comments, unchecked checklist items and trailers', () => {
    const body =
      '<!-- Describe your change -->\nAdds CSV export.\n\n## Checklist\n- [x] Tests added\n- [ ] Docs updated\n\nCo-authored-by: A <a@x>';
    assert.strictEqual(cleanDescription(body), 'Adds CSV export.\n\n## Checklist\n- [x] Tests added');
  });
  it('folds the `* commit` bullet list of a GitHub squash merge', () => {
    const body = '* add parser\n\n* fix tests\n\n* review comments\n\n---------\n\nCo-authored-by: A <a@x>';
    assert.strictEqual(cleanDescription(body, true), '');
    assert.strictEqual(cleanDescription('Real description.\n\n* add parser\n\n* fix tests', true), 'Real description.');
  });
  it('removes dependabot metadata blocks', () => {
    assert.strictEqual(cleanDescription('Bumps x.\n\n---\nupdated-dependencies:\n- dependency-name: x\n...\n'), 'Bumps x.');
  });
});

describe('remote URLs and PR links (no network)', () => {
  const cases: [string, string | null, number, string | null][] = [
    ['https://github.com/expressjs/express.git', 'github', 7152, 'https://github.com/expressjs/express/pull/7152'],
    ['git@github.com:expressjs/express.git', 'github', 1, 'https://github.com/expressjs/express/pull/1'],
    [
      'ssh://git@gitlab.example.com:2222/group/sub/project.git',
      'gitlab',
      482,
      'https://gitlab.example.com/group/sub/project/-/merge_requests/482',
    ],
    ['git@gitlab.com:platform/web.git', 'gitlab', 5, 'https://gitlab.com/platform/web/-/merge_requests/5'],
    ['https://kim@bitbucket.org/acme/payments.git', 'bitbucket', 31, 'https://bitbucket.org/acme/payments/pull-requests/31'],
    ['https://acme@dev.azure.com/acme/Shop/_git/shop-api', 'azure', 1234, 'https://dev.azure.com/acme/Shop/_git/shop-api/pullrequest/1234'],
    ['git@ssh.dev.azure.com:v3/acme/Shop/shop-api', 'azure', 1234, 'https://dev.azure.com/acme/Shop/_git/shop-api/pullrequest/1234'],
    ['https://acme.visualstudio.com/Shop/_git/shop-api', 'azure', 7, 'https://acme.visualstudio.com/Shop/_git/shop-api/pullrequest/7'],
    ['/srv/git/shop.git', null, 1, null],
    ['https://git.example.org/shop.git', null, 1, null],
  ];
  for (const [url, provider, n, link] of cases) {
    it(url, () => {
      const r = readRemoteUrl(url);
      assert.strictEqual(r?.provider ?? null, provider);
      assert.strictEqual(r ? pullRequestUrl(r, n) : null, link);
    });
  }
});

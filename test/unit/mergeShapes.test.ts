import * as assert from 'assert';
import { readMergedChange } from '../../src/core/git/mergeShapes';

const MERGE = ['p1', 'p2'];
const SINGLE = ['p1'];

describe('readMergedChange', () => {
  it('GitHub merge commit: PR number from the subject, title and description from the body', () => {
    const c = readMergedChange({
      parents: MERGE,
      message: 'Merge pull request #2067 from swrh/mvc-example-ejs-to-jade\n\nMVC example: EJS -> Jade.\n\nMakes the example\nuse Jade.',
    });
    assert.deepStrictEqual(c, {
      kind: 'merge',
      title: 'MVC example: EJS -> Jade.',
      description: 'Makes the example\nuse Jade.',
      pr: { number: 2067, provider: 'github' },
    });
  });

  it('GitHub merge commit without a body keeps the subject as title', () => {
    const c = readMergedChange({ parents: MERGE, message: 'Merge pull request #5 from a/b' });
    assert.deepStrictEqual([c.title, c.pr?.number], ['Merge pull request #5 from a/b', 5]);
  });

  it('GitHub squash merge: `Title (#N)`', () => {
    const c = readMergedChange({ parents: SINGLE, message: 'build(deps-dev): bump hbs from 4.2.0 to 4.2.1 (#7152)\n\nBumps hbs.' });
    assert.deepStrictEqual(c, {
      kind: 'squash',
      title: 'build(deps-dev): bump hbs from 4.2.0 to 4.2.1',
      description: 'Bumps hbs.',
      pr: { number: 7152, provider: 'github' },
    });
  });

  it('GitLab merge commit: `See merge request group/project!N`', () => {
    const message =
      "Merge branch 'feature/login' into 'main'\n\nAdd SSO login\n\nUsers sign in with the company IdP.\n\nSee merge request platform/web!482";
    assert.deepStrictEqual(readMergedChange({ parents: MERGE, message }), {
      kind: 'merge',
      title: 'Add SSO login',
      description: 'Users sign in with the company IdP.',
      pr: { number: 482, provider: 'gitlab' },
    });
  });

  it('GitLab squash commit', () => {
    const c = readMergedChange({ parents: SINGLE, message: 'Add SSO login\n\nSee merge request platform/web!482' });
    assert.deepStrictEqual([c.kind, c.title, c.pr], ['squash', 'Add SSO login', { number: 482, provider: 'gitlab' }]);
  });

  it('Bitbucket merge commit and squash', () => {
    const m = readMergedChange({
      parents: MERGE,
      message: 'Merged in feature/PAY-12-refunds (pull request #31)\n\nPAY-12 Refunds\n\nApproved-by: Kim',
    });
    assert.deepStrictEqual([m.kind, m.title, m.pr], ['merge', 'PAY-12 Refunds', { number: 31, provider: 'bitbucket' }]);
    const s = readMergedChange({ parents: SINGLE, message: 'PAY-12 Refunds (pull request #31)' });
    assert.deepStrictEqual([s.kind, s.title, s.pr], ['squash', 'PAY-12 Refunds', { number: 31, provider: 'bitbucket' }]);
  });

  it('Azure DevOps: `Merged PR N: Title`, as merge commit and as squash', () => {
    const m = readMergedChange({ parents: MERGE, message: 'Merged PR 1234: Retry failed webhooks\n\nRelated work items: #77' });
    assert.deepStrictEqual(
      [m.kind, m.title, m.description, m.pr],
      ['merge', 'Retry failed webhooks', 'Related work items: #77', { number: 1234, provider: 'azure' }],
    );
    const s = readMergedChange({ parents: SINGLE, message: 'Merged PR 1235: Faster builds' });
    assert.deepStrictEqual([s.kind, s.pr?.provider], ['squash', 'azure']);
  });

  it('plain merges and commits carry no PR', () => {
    assert.deepStrictEqual(readMergedChange({ parents: MERGE, message: "Merge branch 'integration'" }), {
      kind: 'merge',
      title: "Merge branch 'integration'",
      description: '',
      pr: null,
    });
    assert.deepStrictEqual(readMergedChange({ parents: SINGLE, message: 'Fix typo in #12 handling\n\nDetails.' }), {
      kind: 'commit',
      title: 'Fix typo in #12 handling',
      description: 'Details.',
      pr: null,
    });
  });
});

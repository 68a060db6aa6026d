import * as assert from 'assert';
import { headings, toLines } from '../../src/core/documents/markdown';
import { readStoryParts } from '../../src/core/journal/story';
import { storyFrom } from '../../src/core/journal/storyFrom';
import { suggestion } from '../support/suggestion';

const parts = (text: string) => {
  const lines = toLines(text);
  return readStoryParts(lines, headings(lines));
};

describe('STAR story from evidence', () => {
  it('from a brag entry: What I did as Action, Impact as Result — ready once Situation and Task are written', () => {
    const entry =
      '---\ncareer-kind: brag\n---\n# Cut invoice time\n\n## What I did\n\nRewrote the billing run.\n\n## Impact\n\nInvoices in 2 s instead of 30 s.\n';
    const story = storyFrom(
      { kind: 'brag', title: 'Cut invoice time', text: entry, path: 'brag/2026/x.md', repo: 'journal' },
      '2026-05-02',
    );
    assert.strictEqual(story.path, 'stories/2026-05-02-cut-invoice-time.md');
    assert.match(story.text, /^---\ncareer-kind: star\n[\s\S]*source: brag\/2026\/x\.md\n/);
    assert.match(story.text, /## Action\n\nRewrote the billing run\.\n/);
    assert.deepStrictEqual(parts(story.text), { missing: ['situation', 'task'], resultHasNumber: true });
  });

  it('from a decision record: context, drivers and outcome; the result is left to write', () => {
    const adr =
      '---\nstatus: accepted\n---\n# Use queues\n\n## Context and Problem Statement\n\nJobs get lost.\n\n## Decision Drivers\n\n* durability\n\n## Decision Outcome\n\nChosen option: queues.\n';
    const story = storyFrom(
      { kind: 'decision', title: 'Use queues', text: adr, path: 'docs/decisions/0001-use-queues.md', repo: 'shop' },
      '2026-05-02',
    );
    assert.deepStrictEqual(parts(story.text), { missing: ['result'], resultHasNumber: false });
    assert.match(story.text, /## Situation\n\nJobs get lost\.\n/);
  });

  it('from a suggestion: its description and files, with the commit and PR as receipts', () => {
    const s = suggestion();
    const story = storyFrom({ kind: 'suggestion', suggestion: s, repo: 'shop' }, '2026-05-02');
    assert.match(story.text, new RegExp(`commit: ${s.sha}\\npr: https://github.com/acme/shop/pull/12\\n`));
    assert.match(story.text, /## Situation\n\nFinance can export invoices\.\n/);
    assert.match(story.text, /I merged “Add export to CSV”: 2 files \(`src\/export\.ts`, `src\/export\.test\.ts`\)/);
    assert.deepStrictEqual(parts(story.text).missing, ['task', 'result']);
  });
});

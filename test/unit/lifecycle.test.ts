import * as assert from 'assert';
import { addLink, checkTransition, relativeLink, setStatus } from '../../src/core/documents/lifecycle';

describe('lifecycle edits, log4brains and ours', () => {
  it('log4brains: bullet status, "superseded by [slug](file.md)", bullet links', () => {
    const text = '# Use Log4brains\n\n- Status: accepted\n- Date: 2020-12-22\n\n## Context\n';
    const doc = { path: 'docs/adr/20201222-use-log4brains.md', text, format: 'log4brains' as const };
    const successor = { path: 'docs/adr/20210105-use-adr-tools.md', id: '20210105-use-adr-tools', title: 'Use adr-tools' };
    assert.strictEqual(
      setStatus(doc, 'superseded', successor),
      text.replace('- Status: accepted', '- Status: superseded by [20210105-use-adr-tools](20210105-use-adr-tools.md)'),
    );
    assert.strictEqual(
      addLink(doc, 'Supersedes', successor),
      text.replace('- Date: 2020-12-22\n', '- Date: 2020-12-22\n- Supersedes: [20210105-use-adr-tools](20210105-use-adr-tools.md)\n'),
    );
  });

  it('ours: front matter status and superseded-by, keeping unknown keys', () => {
    const text = '---\ncareer-kind: rfc\ncareer-schema: 1\nstatus: accepted\nowner-team: search\n---\n\n# Queue\n';
    const out = setStatus({ path: 'docs/rfcs/0001-queue.md', text, format: 'career-evidence' }, 'superseded', {
      path: 'docs/rfcs/0002-stream.md',
      id: '0002',
      title: 'Stream',
    });
    assert.strictEqual(
      out,
      '---\ncareer-kind: rfc\ncareer-schema: 1\nstatus: superseded\nowner-team: search\nsuperseded-by:\n  - 0002-stream.md\n---\n\n# Queue\n',
    );
  });
});

describe('status transitions', () => {
  it('allows proposed → accepted/rejected and accepted → deprecated/superseded only', () => {
    assert.strictEqual(checkTransition('proposed', 'accepted'), null);
    assert.strictEqual(checkTransition('accepted', 'superseded'), null);
    assert.strictEqual(checkTransition(null, 'deprecated'), null);
    assert.strictEqual(checkTransition('proposed', 'deprecated'), 'proposed can become accepted or rejected, not deprecated');
    assert.strictEqual(checkTransition('superseded', 'accepted'), 'a superseded document cannot change status');
  });
  it('makes relative links', () => {
    assert.strictEqual(relativeLink('doc/adr/0002-a.md', 'doc/adr/0010-b.md'), '0010-b.md');
    assert.strictEqual(relativeLink('docs/rfcs/0001-a.md', 'docs/decisions/0003-b.md'), '../decisions/0003-b.md');
  });
});

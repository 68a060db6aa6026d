import * as assert from 'assert';
import { readFrontMatter } from '../../src/core/documents/frontMatter';
import { isEvidenceFileName } from '../../src/core/documents/layout';
import { addLink, readLinks, setStatus } from '../../src/core/documents/lifecycle';
import { headings } from '../../src/core/documents/markdown';
import { readDocument } from '../../src/core/documents/readDocument';
import { cleanDescription } from '../../src/core/git/description';
import { DEFAULT_EXPOSURE_RULES, exposureTags, readExposureRules } from '../../src/core/git/exposure';
import { readMergedChange } from '../../src/core/git/mergeShapes';
import { aliasBombLines } from '../support/hostile';

/** Runs `fn` and fails when it takes longer than `ms` (the inputs below took seconds to minutes with super-linear patterns). */
function within<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  const took = performance.now() - started;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms (budget ${ms} ms)`);
  return value;
}

const blanks = (n: number) => ' '.repeat(n);

describe('hostile input: linear time, and one bad document never hides the others', () => {
  it('reads a heading of a word, 4,000 blanks and a word (was cubic)', () => {
    const [h] = within(200, () => headings([`# x${blanks(4000)}y`]));
    assert.strictEqual(h.text, `x${blanks(4000)}y`);
    const doc = within(200, () =>
      readDocument({ path: 'doc/adr/0001-x.md', text: `# x${blanks(4000)}y\n`, kind: 'decision', convention: 'adr-tools' }),
    );
    assert.ok(doc.item.title.startsWith('x'));
  });

  it('reads headings as CommonMark does: a closing # sequence only after a blank', () => {
    assert.deepStrictEqual(
      headings(['# Title #', '## C#', '### Tab\t##', '#NoSpace', '   # Indented', '#   ']).map((h) => [h.level, h.text]),
      [
        [1, 'Title'],
        [2, 'C#'],
        [3, 'Tab'],
        [1, 'Indented'],
        [1, ''],
      ],
    );
  });

  it('reads a link line with 2,000 blanks in it, and the usual ones', () => {
    const doc = { path: 'doc/adr/0002-b.md', text: '', format: 'adr-tools' as const };
    within(200, () => readLinks(doc, [`Supersedes${blanks(2000)}[x](y`]));
    assert.deepStrictEqual(
      readLinks(doc, [
        'Supersedes [1. A](0001-a.md)',
        '* Amended by: [3. C](0003-c.md)',
        '- Relates to  :  [4](0004-d.md)',
        'Status: [x](0005-e.md)',
        'Supersedes[x](0006-f.md)',
      ]).map((l) => [l.relation, l.target]),
      [
        ['supersedes', 'doc/adr/0001-a.md'],
        ['amended-by', 'doc/adr/0003-c.md'],
        ['related', 'doc/adr/0004-d.md'],
      ],
    );
  });

  it('cleans a description with a line of 100,000 blanks (was quadratic)', () => {
    assert.strictEqual(
      within(200, () => cleanDescription(`x${blanks(100_000)}y  \nnext\t`)),
      `x${blanks(100_000)}y\nnext`,
    );
  });

  it('reads squash and merge subjects of 100,000 blanks without the seconds', () => {
    for (const subject of [`x${blanks(100_000)}y`, `Merged in x${blanks(100_000)}y`, `x${blanks(100_000)}(#12) y`]) {
      const r = within(200, () => readMergedChange({ parents: ['a'], message: subject }));
      assert.strictEqual(r.pr, null, subject.slice(0, 20));
    }
    assert.deepStrictEqual(readMergedChange({ parents: ['a'], message: `Speed up search${blanks(3)}(#13)` }).pr, {
      number: 13,
      provider: 'github',
    });
    assert.strictEqual(readMergedChange({ parents: ['a'], message: 'Add export (pull request #7)' }).title, 'Add export');
  });

  it('reports a front matter of chained YAML aliases as a problem instead of throwing', () => {
    const lines = aliasBombLines();
    const fm = within(1000, () => readFrontMatter(lines));
    assert.strictEqual(fm.data, null);
    assert.match(fm.error?.message ?? '', /front matter cannot be read: Excessive alias count/);
    const doc = readDocument({ path: 'docs/decisions/0001-bomb.md', text: lines.join('\n'), kind: 'decision', convention: 'generic' });
    assert.strictEqual(doc.item.title, 'Bomb');
    assert.match(doc.problems[0]?.message ?? '', /Excessive alias count/);
  });
});

describe('decision records as teams write them', () => {
  const adr = (heading: string) => `# ${heading}\n\nDate: 2025-06-18\n\n## Status\n\nApproved\n\n## Context\n\nText.\n`;
  for (const heading of [
    'n. Django Templates',
    '12 Django Templates',
    'ADR-0012: Django Templates',
    'ADR 12 - Django Templates',
    '0012 Django Templates',
    '12: Django Templates',
  ]) {
    it(`reads "# ${heading}" as "Django Templates", with its status and date`, () => {
      const r = readDocument({ path: 'docs/adr/0012-django-templates.md', text: adr(heading), kind: 'decision', convention: 'generic' });
      assert.deepStrictEqual(
        [r.item.format, r.item.title, r.item.status, r.item.statusText, r.item.date],
        ['adr-tools', 'Django Templates', 'accepted', 'Approved', '2025-06-18'],
      );
    });
  }

  it('keeps a title that only starts with a digit', () => {
    const r = readDocument({
      path: 'docs/adr/0003-2fa.md',
      text: '# 2FA for admins\n\n## Status\n\nAccepted\n',
      kind: 'decision',
      convention: 'generic',
    });
    assert.strictEqual(r.item.title, '2FA for admins');
  });

  it('takes templates for what they are, not decisions', () => {
    for (const name of [
      '0000-TEMPLATE.md',
      '0000-template.md',
      '9999-Template.md',
      'template.md',
      'template-madr.md',
      'adr-template.md',
      'decision-template.md',
    ])
      assert.ok(!isEvidenceFileName(name), name);
    for (const name of ['0001-use-templates.md', '0002-templating-engine.md', '0003-template-caching.md'])
      assert.ok(isEvidenceFileName(name), name);
  });
});

describe("a repository's own exposure rules", () => {
  it('refuses a pattern that can backtrack exponentially, keeping the built-in rules, and stays fast', () => {
    const r = readExposureRules("rules:\n  - tag: evil\n    words: ['^(a+)+$']\n");
    assert.deepStrictEqual(r.rules, DEFAULT_EXPOSURE_RULES);
    assert.match(r.problems[0].message, /rules\[0\]\.words: "\^\(a\+\)\+\$" can take exponential time/);
    within(200, () => exposureTags(r.rules, [], `${'a'.repeat(34)}!`));
    const ok = readExposureRules("rules:\n  - tag: payments\n    words: ['\\bstripe\\b']\n");
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual(exposureTags(ok.rules, [], 'Charge with Stripe'), ['payments']);
  });
});

describe('edits keep every line end they do not touch', () => {
  it('a status edit of a file mixing CRLF and LF changes the status line alone, byte for byte', () => {
    const text = '# 2. Use PostgreSQL\r\n\r\nDate: 2026-02-03\n\n## Status\r\n\r\nProposed\n\n## Context\r\n\r\nText.\n';
    const after = setStatus({ path: 'doc/adr/0002-x.md', text, format: 'adr-tools' }, 'accepted');
    assert.strictEqual(after, text.replace('Proposed', 'Accepted'));
  });

  it('a link added to a CR-only file (classic Mac) is written with CR', () => {
    const text = '# 1. A\r\rDate: 2026-01-01\r\r## Status\r\rAccepted\r';
    const after = addLink({ path: 'doc/adr/0001-a.md', text, format: 'adr-tools' }, 'Amends', {
      path: 'doc/adr/0002-b.md',
      id: '0002',
      title: 'B',
    });
    assert.ok(!after.includes('\n'), JSON.stringify(after));
    assert.match(after, /Accepted\r\rAmends \[2\. B\]\(0002-b\.md\)\r/);
  });
});

describe('templates by their content', () => {
  it('a file whose only title sits inside an HTML comment is a template, not a decision', () => {
    const ghost = '<!--\n# Believe in ghosts\n\n* Status: Pending\n-->\n\nFill in the sections below.\n';
    assert.strictEqual(
      readDocument({ path: 'docs/adr/0000-ghosts.md', text: ghost, kind: 'decision', convention: 'generic' }).template,
      true,
    );
    const real = '<!-- guidance -->\n# Use Postgres\n\n* Status: accepted\n';
    assert.strictEqual(
      readDocument({ path: 'docs/adr/0001-pg.md', text: real, kind: 'decision', convention: 'generic' }).template,
      undefined,
    );
    const untitled = 'No heading at all.\n';
    assert.strictEqual(
      readDocument({ path: 'docs/adr/0002-x.md', text: untitled, kind: 'decision', convention: 'generic' }).template,
      undefined,
      'listed with a problem, as before',
    );
  });
});

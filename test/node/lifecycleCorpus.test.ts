import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { addLink, readLinks, setStatus, supersedesSpelling } from '../../src/core/documents/lifecycle';

// Round trips on the real documents of ../shared/corpus/adr: each edit must change only its lines.
const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'adr');
const adrTools = (name: string) => fs.readFileSync(path.join(CORPUS, 'adr-tools', 'doc', 'adr', name), 'utf8');
const madr = (name: string) => fs.readFileSync(path.join(CORPUS, 'madr', 'docs', 'decisions', name), 'utf8');
const crlfBom = (text: string) => '\ufeff' + text.replace(/\n/g, '\r\n');

const NEW = { path: 'doc/adr/0010-use-a-single-binary.md', id: '0010', title: 'Use a single binary' };

describe('lifecycle edits, adr-tools (corpus round trips)', () => {
  it('changes the status line and nothing else', () => {
    const text = adrTools('0005-help-comments.md');
    const out = setStatus({ path: 'doc/adr/0005-help-comments.md', text, format: 'adr-tools' }, 'deprecated');
    assert.strictEqual(out, text.replace('## Status\n\nAccepted\n', '## Status\n\nDeprecated\n'));
  });

  it('writes "Superseded by [N. Title](file)" in place of the status, also with CRLF and a BOM', () => {
    const text = adrTools('0002-implement-as-shell-scripts.md');
    const expected = text.replace(
      '## Status\n\nAccepted\n',
      '## Status\n\nSuperseded by [10. Use a single binary](0010-use-a-single-binary.md)\n',
    );
    const doc = { path: 'doc/adr/0002-implement-as-shell-scripts.md', format: 'adr-tools' as const };
    assert.strictEqual(setStatus({ ...doc, text }, 'superseded', NEW), expected);
    assert.strictEqual(setStatus({ ...doc, text: crlfBom(text) }, 'superseded', NEW), crlfBom(expected));
  });

  it('adds link lines exactly as adr-tools wrote them (0009 "Amends", 0005 "Amended by")', () => {
    const amends = adrTools('0009-help-scripts.md');
    const without = amends.replace('\n\nAmends [5. Help comments](0005-help-comments.md)', '');
    assert.notStrictEqual(without, amends);
    const target5 = { path: 'doc/adr/0005-help-comments.md', id: '0005', title: 'Help comments' };
    assert.strictEqual(addLink({ path: 'doc/adr/0009-help-scripts.md', text: without, format: 'adr-tools' }, 'Amends', target5), amends);
    const amendedBy = adrTools('0005-help-comments.md');
    const without5 = amendedBy.replace('\n\nAmended by [9. Help scripts](0009-help-scripts.md)', '');
    const target9 = { path: 'doc/adr/0009-help-scripts.md', id: '0009', title: 'Help scripts' };
    assert.strictEqual(
      addLink({ path: 'doc/adr/0005-help-comments.md', text: without5, format: 'adr-tools' }, 'Amended by', target9),
      amendedBy,
    );
  });

  it('reads links in both spellings', () => {
    const links = readLinks({ path: 'doc/adr/0009-help-scripts.md', text: adrTools('0009-help-scripts.md'), format: 'adr-tools' });
    assert.deepStrictEqual(links, [{ relation: 'amends', target: 'doc/adr/0005-help-comments.md', line: 9 }]);
    const old = readLinks({
      path: 'doc/adr/0003-x.md',
      text: '# 3. X\n\n## Status\n\nAccepted\n\nSupercedes [2. Y](0002-y.md)\n',
      format: 'adr-tools',
    });
    assert.deepStrictEqual(old, [{ relation: 'supersedes', target: 'doc/adr/0002-y.md', line: 7 }]);
    assert.strictEqual(supersedesSpelling(['Supercedes [1. A](0001-a.md)']), 'Supercedes');
    assert.strictEqual(supersedesSpelling(['Accepted']), 'Supersedes');
  });
});

describe('lifecycle edits, MADR (corpus round trips)', () => {
  it('replaces a front matter status (0003 "on hold")', () => {
    const text = madr('0003-provide-own-madr-tools.md');
    const out = setStatus({ path: 'docs/decisions/0003-provide-own-madr-tools.md', text, format: 'madr' }, 'accepted');
    assert.strictEqual(out, text.replace('\nstatus: on hold\n', '\nstatus: accepted\n'));
  });

  it('inserts a status into front matter that has none, and writes MADR 4 "superseded by ADR-NNNN"', () => {
    const text = madr('0001-use-CC0-or-MIT-as-license.md');
    const doc = { path: 'docs/decisions/0001-use-CC0-or-MIT-as-license.md', text, format: 'madr' as const };
    assert.strictEqual(setStatus(doc, 'accepted'), text.replace('nav_order: 1\n---', 'nav_order: 1\nstatus: accepted\n---'));
    const successor = { path: 'docs/decisions/0019-dual-license.md', id: '0019', title: 'Dual license' };
    assert.strictEqual(
      setStatus(doc, 'superseded', successor),
      text.replace('nav_order: 1\n---', 'nav_order: 1\nstatus: "superseded by ADR-0019"\n---'),
    );
    assert.strictEqual(
      setStatus({ ...doc, text: crlfBom(text) }, 'accepted'),
      crlfBom(text.replace('nav_order: 1\n---', 'nav_order: 1\nstatus: accepted\n---')),
    );
  });

  it('adds links as front matter lists, in every list form', () => {
    const target = { path: 'docs/decisions/0005-use-dashes-in-filenames.md', id: '0005', title: 'Use Dashes' };
    const base = (fm: string) => ({ path: 'docs/decisions/0009-x.md', text: `---\n${fm}---\n# X\n`, format: 'madr' as const });
    assert.strictEqual(
      addLink(base('status: accepted\n'), 'Amends', target),
      '---\nstatus: accepted\namends:\n  - 0005-use-dashes-in-filenames.md\n---\n# X\n',
    );
    assert.strictEqual(addLink(base('amends: []\n'), 'Amends', target), '---\namends: [0005-use-dashes-in-filenames.md]\n---\n# X\n');
    assert.strictEqual(
      addLink(base('amends: [a.md]\n'), 'Amends', target),
      '---\namends: [a.md, 0005-use-dashes-in-filenames.md]\n---\n# X\n',
    );
    assert.strictEqual(
      addLink(base('amends:\n    - a.md\nx: 1\n'), 'Amends', target),
      '---\namends:\n    - a.md\n    - 0005-use-dashes-in-filenames.md\nx: 1\n---\n# X\n',
    );
    const links = readLinks(base('amends: [a.md]\nrelated:\n  - 0005-use-dashes-in-filenames.md\n'));
    assert.deepStrictEqual(links, [
      { relation: 'amends', target: 'docs/decisions/a.md', line: 2 },
      { relation: 'related', target: 'docs/decisions/0005-use-dashes-in-filenames.md', line: 4 },
    ]);
    assert.deepStrictEqual(
      readLinks({ ...base(''), text: '# X\n\n* See [the FAQ](https://example.com/faq.md)\n' }),
      [],
      'web links are not document links',
    );
  });

  it('edits MADR 2.x bullets', () => {
    const text = '# Use Markdown\n\n* Status: proposed\n* Deciders: Oliver\n* Date: 2017-12-17\n\n## Context\n';
    const doc = { path: 'docs/adr/0002-use-markdown.md', text, format: 'madr' as const };
    assert.strictEqual(setStatus(doc, 'accepted'), text.replace('* Status: proposed', '* Status: accepted'));
    assert.strictEqual(
      setStatus(doc, 'superseded', { path: 'docs/adr/0005-x.md', id: '0005', title: 'X' }),
      text.replace('* Status: proposed', '* Status: superseded by [ADR-0005](0005-x.md)'),
    );
  });
});

import * as assert from 'assert';
import { addressesLikeYou, parseShortlog } from '../../src/core/git/lookalikes';
import { readDocument } from '../../src/core/documents/readDocument';
import { checkDocuments } from '../../src/core/diagnostics/checks';
import { readDetailsMessage, suggestionDetailsHtml } from '../../src/vscode/mergedWork/detailsHtml';
import { EvidenceTreeModel } from '../../src/vscode/evidenceView/treeModel';
import { documentTooltip, escapeMarkdown, suggestionTooltip } from '../../src/vscode/evidenceView/tooltipsModel';
import { english } from '../../src/vscode/shared/translate';
import { suggestion } from '../support/suggestion';
import { FakeIndex, adr } from './support/fakeIndex';

// Issue 14 (the first minutes): the pure parts — who looks like the user, the details page, Mine
// Only and the journal, tooltips, where a finding points.

describe('first minutes: identities, details page, small things (plain Node)', () => {
  it("finds addresses that commit under the user's name (folded) but are not theirs, leaving bots out", () => {
    const authors = parseShortlog(
      [
        '   412\tDana Developer <dana@old-laptop.local>',
        '    90\tDana Developer <dana@example.com>',
        '    12\tdana  developer <dana@contractor.io>',
        '     7\tDána Developer <dana@users.noreply.github.com>',
        '     5\tSam Reviewer <sam@example.com>',
        '     3\tdependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
        'not a shortlog line',
      ].join('\n'),
    );
    assert.strictEqual(authors.length, 6);
    assert.deepStrictEqual(
      addressesLikeYou(authors, ['DANA@example.com'], []).map((a) => [a.email, a.commits]),
      [
        ['dana@old-laptop.local', 412],
        ['dana@contractor.io', 12],
      ],
      "by the name the user's own address commits under",
    );
    assert.deepStrictEqual(
      addressesLikeYou(authors, [], ['Dana Developer']).map((a) => a.email),
      ['dana@old-laptop.local', 'dana@example.com', 'dana@contractor.io'],
      'with no address known, by git user.name',
    );
    assert.deepStrictEqual(addressesLikeYou(authors, [], []), []);
  });

  it("renders a suggestion's details with every text escaped, under a strict policy, with typed actions only", () => {
    const s = suggestion({ title: 'Use <script>alert(1)</script>', description: 'First "para".\n\nSecond & last.', files: 1 });
    const html = suggestionDetailsHtml(s, { cspSource: 'vscode-resource:', scriptUri: 'x.js', styleUri: 'x.css' }, english);
    assert.ok(!html.includes('<script>alert'), 'the title is escaped');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src vscode-resource:; style-src vscode-resource:/);
    assert.ok(!/<script>(?!<)/.test(html.replace(/<script src="x\.js"><\/script>/, '')), 'no inline script');
    assert.ok(!/ style=/.test(html), 'no inline style');
    assert.match(html, /<p>First &#34;para&#34;\.<\/p>\n<p>Second &#38; last\.<\/p>/);
    assert.match(html, /data-action="accept"/);
    assert.match(html, /data-action="openPullRequest"/, 'the PR has a web address');
    assert.match(html, /1 file,/);
    assert.ok(
      !suggestionDetailsHtml(suggestion({ pr: undefined }), { cspSource: 'c', scriptUri: 's', styleUri: 't' }, english).includes(
        'openPullRequest',
      ),
    );
    const decided = suggestionDetailsHtml(s, { cspSource: 'c', scriptUri: 's', styleUri: 't' }, english, 'Dismissed.');
    assert.ok(!decided.includes('data-action') && decided.includes('Dismissed.'));
    assert.deepStrictEqual(readDetailsMessage({ type: 'dismiss' }), { type: 'dismiss' });
    for (const bad of [null, 'accept', { type: 'open', path: '/etc/passwd' }, { type: 'accept', path: '/x' }, { type: 1 }])
      assert.strictEqual(readDetailsMessage(bad), undefined, JSON.stringify(bad));
  });

  it("Mine Only keeps the user's own journal entries, whoever they name", () => {
    const index = new FakeIndex();
    index.folder('shop', { 'docs/decisions/0001-a.md': adr('Not mine', 'accepted') });
    index.folder(
      'journal',
      { 'brag/2026/2026-03-05-export.md': '---\ncareer-kind: brag\ndate: 2026-03-05\n---\n\n# Export to CSV\n' },
      -1,
      'brag',
    );
    const m = new EvidenceTreeModel(english, () => true);
    m.setView({ groupBy: 'kind', filter: { mineOnly: true }, me: { emails: ['dana@example.com'], names: [] } });
    m.apply(index.scan());
    const groups = m.roots().filter((r) => r.type === 'group');
    assert.deepStrictEqual(
      groups.map((g) => g.label),
      ['Brag document'],
    );
  });

  it('tooltips read as written: no escaped dashes or dots, ids in code spans, "1 file"', () => {
    assert.strictEqual(escapeMarkdown('0006-use-helm.md (v1.2)!'), '0006-use-helm.md (v1.2)!');
    assert.strictEqual(escapeMarkdown('# *not* a heading'), '\\# \\*not\\* a heading');
    const { item, details } = readDocument({
      path: 'doc/adr/0006-use-helm.md',
      text: '# 6. Use Helm\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
      kind: 'decision',
      convention: 'adr-tools',
    });
    const tooltip = documentTooltip(english, item, details);
    assert.ok(!tooltip.includes('\\-'), tooltip);
    assert.match(tooltip, /`0006`/);
    assert.match(suggestionTooltip(english, suggestion({ files: 1 })), /· 1 file, \+2/);
  });

  it('points a date that is no date at its own line, and makes "the impact has no number" a hint', () => {
    const text = '---\nstatus: accepted\n"date": soon\n---\n\n# Use Helm\n'; // a quoted key: was reported at line 1
    const r = readDocument({ path: 'docs/decisions/0001-use-helm.md', text, kind: 'decision', convention: 'generic' });
    const opts = { today: '2026-12-01', proposedMaxDays: 90 };
    const [bad] = checkDocuments([{ item: r.item, details: r.details }], [], opts).filter((f) => f.code === 'bad-date');
    assert.deepStrictEqual([bad?.line, bad?.column], [3, 9]);
    const brag = readDocument({
      path: 'brag/2026/2026-03-05-export.md',
      text: '---\ncareer-kind: brag\ndate: 2026-03-05\n---\n\n# Export\n\n## Impact\n\n{What changed?}\n',
      kind: 'brag',
      convention: 'generic',
    });
    const [hint] = checkDocuments([{ item: brag.item, details: brag.details }], [], opts);
    assert.deepStrictEqual([hint.code, hint.severity], ['unquantified-result', 'hint']);
  });
});

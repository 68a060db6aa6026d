import * as assert from 'assert';
import { createHash } from 'crypto';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { buildDashboard } from '../../src/core/report/dashboard';
import { dashboardPage } from '../../src/node/report/dashboardPage';
import { DANA, change } from '../support/reportEvidence';

// The CLI's dashboard page with hostile input: a commit title that tries to end the data block and
// run a script, and a script asset that itself contains "</script>".
const HOSTILE = '</script><script>alert(1)</script> <!-- & \u2028';

describe('dashboard page (report benchmark --format html): nothing in the data or the assets breaks out', () => {
  const { dashboard } = buildDashboard(
    {
      repositories: [{ root: '/r/shop', changes: [change('2026-04-02', { title: HOSTILE })], documents: [], tags: [], codeowners: [] }],
      journal: null,
      problems: [],
    },
    { person: { emails: [DANA.email], names: [DANA.name], handles: [] }, period: periodOf(quarterDays(2026, 2)) },
  );
  const html = dashboardPage(dashboard, { script: 'const s = "</script>"; run(s);', style: 'body{color:red}</style>' });

  it('keeps the title in the data block, whole, without ending the block', () => {
    const block = /<script type="application\/json" id="dashboard-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.doesNotMatch(block, /<\/?script/i);
    assert.strictEqual((JSON.parse(block) as typeof dashboard).receipts[0]!.title, HOSTILE);
    assert.strictEqual(html.match(/<script/g)!.length, 2, 'the data block and the page script, no other');
  });

  it('escapes "</script" and "</style" in the assets, and hashes the text as inlined', () => {
    const script = /<script>([\s\S]*?)<\/script>\n<\/body>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.strictEqual(script, 'const s = "<\\/script>"; run(s);');
    assert.strictEqual(style, 'body{color:red}<\\/style>');
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    assert.match(html, new RegExp(`script-src ${hash(script).replace(/[+/]/g, '\\$&')};`));
    assert.match(html, new RegExp(`style-src ${hash(style).replace(/[+/]/g, '\\$&')};`));
  });
});

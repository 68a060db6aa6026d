import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/paths';

// Localisation: every user-facing string of the extension is in l10n/bundle.l10n.json (exported
// afresh here with @vscode/l10n-dev and compared with the committed bundle), and every string the
// manifest shows comes from package.nls.json. Bare strings are the lint rule's (lintRules.test.ts).

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exportBundle, BUNDLE } = require(path.join(PROJECT_ROOT, 'test', 'harness', 'l10n.js')) as {
  exportBundle(root?: string, extra?: Record<string, string>): Promise<string>;
  BUNDLE: string;
};

describe('localisation', function () {
  this.timeout(60_000);

  it('the committed bundle is what the sources export now (run `npm run l10n` after changing a string)', async () => {
    const fresh = await exportBundle();
    const committed = fs.readFileSync(BUNDLE, 'utf8');
    const [a, b] = [JSON.parse(fresh) as Record<string, string>, JSON.parse(committed) as Record<string, string>];
    assert.deepStrictEqual(
      { missing: Object.keys(a).filter((k) => !(k in b)), unused: Object.keys(b).filter((k) => !(k in a)) },
      { missing: [], unused: [] },
    );
    assert.strictEqual(fresh, committed);
  });

  it('fails on a string planted in the sources, from vscode.l10n.t and from a view model’s injected t', async () => {
    const committed = fs.readFileSync(BUNDLE, 'utf8');
    for (const planted of [
      "import * as vscode from 'vscode';\nvoid vscode.window.showInformationMessage(vscode.l10n.t('A planted string'));\n",
      "import { Translate } from '../shared/translate';\nexport const row = (t: Translate) => ({ label: t('A planted row') });\n",
    ]) {
      const fresh = await exportBundle(PROJECT_ROOT, { 'src/vscode/planted.ts': planted });
      assert.notStrictEqual(fresh, committed);
      assert.match(fresh, /"A planted (string|row)"/);
    }
  });

  it('the bundle holds the dashboard page’s words (@vscode/l10n), the reminder’s and the vocabulary the views translate', () => {
    const bundle = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    for (const key of ['Evidence dashboard — {0}', 'Snooze until Monday', 'Decisions', 'Ownership events', 'Review now'])
      assert.ok(key in bundle, key);
  });

  it('the manifest shows only strings of package.nls.json, and package.nls.json holds none it does not use', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8');
    const manifest = JSON.parse(text);
    const nls = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = [...text.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!);
    assert.deepStrictEqual(
      used.filter((k) => !(k in nls)),
      [],
      'keys without a string',
    );
    assert.deepStrictEqual(
      Object.keys(nls).filter((k) => !used.includes(k)),
      [],
      'strings no key uses',
    );
    const c = manifest.contributes;
    const shown: string[] = [
      manifest.displayName,
      manifest.description,
      ...c.commands.flatMap((x: { title: string; category?: string }) => [x.title, x.category ?? '%%']),
      ...c.viewsWelcome.map((w: { contents: string }) => w.contents),
      ...c.views.careerEvidence.map((v: { name: string }) => v.name),
      ...c.walkthroughs.flatMap((w: { title: string; description: string; steps: { title: string; description: string }[] }) => [
        w.title,
        w.description,
        ...w.steps.flatMap((s) => [s.title, s.description]),
      ]),
      ...Object.values(c.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>).map(
        (p) => p.markdownDescription ?? p.description ?? '%%',
      ),
    ];
    assert.deepStrictEqual(
      shown.filter((s) => !/^%[\w.-]*%$/.test(s)),
      [],
    );
    assert.strictEqual(manifest.l10n, './l10n');
  });
});

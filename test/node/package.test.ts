import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { removeDir, tempDir } from '../support/gitRepo';
import { PROJECT_ROOT } from '../support/paths';

// Issue 16, the package: the .vsix holds only what the extension needs (what `vsce ls` lists), a
// licence, a changelog and a 128×128 PNG icon, and stays under 1 MB with the dashboard's chart library.

const VSCE = require.resolve('@vscode/vsce/vsce');
const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));

describe('the package', function () {
  this.timeout(120_000);

  it('lists only the bundles, the manifest, README, LICENSE, CHANGELOG, snippets and what the extension shows', () => {
    const listed = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    assert.deepStrictEqual(listed, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/dashboard.js',
      'dist/extension.js',
      'dist/mineWorker.js',
      'l10n/bundle.l10n.json',
      'media/career-evidence.svg',
      'media/dashboard.css',
      'media/icon.png',
      'media/suggestionDetails.css',
      'media/suggestionDetails.js',
      'media/walkthrough/identities.md',
      'media/walkthrough/open-view.md',
      'media/walkthrough/quarter.md',
      'media/walkthrough/record.md',
      'media/walkthrough/scan.md',
      'package.json',
      'package.nls.json',
      'snippets/markdown.json',
    ]);
  });

  it('has a 128×128 PNG icon, a gallery banner, categories and keywords, and packages under 1 MB with its licence', () => {
    const png = fs.readFileSync(path.join(PROJECT_ROOT, manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'IHDR width and height');
    assert.ok(manifest.galleryBanner?.color && manifest.categories.length > 0 && manifest.keywords.length > 0);
    assert.ok(!manifest.scripts.package.includes('--skip-license'));
    const scratch = tempDir('vsix');
    try {
      const vsix = path.join(scratch, 'x.vsix');
      execFileSync(
        process.execPath,
        [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix],
        {
          cwd: PROJECT_ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      const size = fs.statSync(vsix).size;
      assert.ok(size < 1024 * 1024, `${size} bytes`);
    } finally {
      removeDir(scratch);
    }
  });
});

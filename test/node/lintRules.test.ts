import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/paths';

// The layer rules are only worth something if they fail: each test plants a violation in a folder
// of its own inside src/ (removed afterwards), runs the project's own lint commands on it, and
// expects them to reject it — and to accept the same folder without the violation.

const ESLINT = path.join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const DEPCRUISE = path.join(PROJECT_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Writes `files` (paths relative to the project), runs `check` on them, and removes them again. */
function planted(
  files: Record<string, string>,
  check: (paths: string[]) => { status: number | null; output: string },
): { status: number | null; output: string } {
  const written = Object.keys(files).map((rel) => path.join(PROJECT_ROOT, rel));
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(PROJECT_ROOT, rel)), { recursive: true });
      fs.writeFileSync(path.join(PROJECT_ROOT, rel), text);
    }
    return check(Object.keys(files));
  } finally {
    for (const f of written) fs.rmSync(f, { force: true });
    for (const f of written) fs.rmSync(path.dirname(f), { recursive: true, force: true });
  }
}

function eslint(paths: string[]) {
  const r = spawnSync(process.execPath, [ESLINT, '--no-warn-ignored', ...paths], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function depcruise(paths: string[]) {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.cjs', ...paths], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const stamp = `${process.pid}`;

describe('lint: the layer rules fail on planted violations', function () {
  this.timeout(120_000);

  it('accepts a clean planted file (the control)', () => {
    const r = planted(
      {
        [`src/core/zzplanted${stamp}/clean.ts`]:
          "import { isIsoDate } from '../evidence/dates';\n\nexport const ok = isIsoDate('2026-01-01');\n",
      },
      eslint,
    );
    assert.strictEqual(r.status, 0, r.output);
  });

  it('rejects vscode and fs in src/core', () => {
    const r = planted(
      {
        [`src/core/zzplanted${stamp}/a.ts`]: "import * as vscode from 'vscode';\n\nexport const a = vscode;\n",
        [`src/core/zzplanted${stamp}/b.ts`]: "import { readFileSync } from 'fs';\n\nexport const b = readFileSync;\n",
        [`src/core/zzplanted${stamp}/c.ts`]: "import { promises } from 'node:fs';\n\nexport const c = promises;\n",
        [`src/core/zzplanted${stamp}/d.ts`]: "import { simpleGit } from 'simple-git';\n\nexport const d = simpleGit;\n",
      },
      eslint,
    );
    assert.strictEqual(r.status, 1, r.output);
    assert.match(r.output, /src\/core is pure domain: it must not import vscode/);
    assert.match(r.output, /the Node built-in 'fs' belongs in src\/node/);
    assert.match(r.output, /Node built-ins belong in src\/node/);
    assert.match(r.output, /simple-git belongs in src\/node/);
  });

  it('rejects vscode in src/node', () => {
    const r = planted({ [`src/node/zzplanted${stamp}/a.ts`]: "import * as vscode from 'vscode';\n\nexport const a = vscode;\n" }, eslint);
    assert.strictEqual(r.status, 1, r.output);
    assert.match(r.output, /src\/node is reused by the CLI: it must not import vscode/);
  });

  it('rejects a feature importing another feature, and accepts services and shared modules', () => {
    const bad = planted(
      {
        [`src/vscode/zzplanted${stamp}/a.ts`]:
          "import { registerScanMergedWork } from '../mergedWork/scanCommand';\n\nexport const a = registerScanMergedWork;\n",
      },
      eslint,
    );
    assert.strictEqual(bad.status, 1, bad.output);
    assert.match(bad.output, /a feature must not import another feature/);
    const good = planted(
      {
        [`src/vscode/zzplanted${stamp}/a.ts`]:
          "import { EVIDENCE_VIEW_ID } from '../shared/commandIds';\nimport type { Services } from '../services/services';\n\nexport const a: [string, Services | undefined] = [EVIDENCE_VIEW_ID, undefined];\n",
      },
      eslint,
    );
    assert.strictEqual(good.status, 0, good.output);
  });

  it('rejects vscode in a view model', () => {
    const r = planted(
      { [`src/vscode/zzplanted${stamp}/thingModel.ts`]: "import * as vscode from 'vscode';\n\nexport const a = vscode;\n" },
      eslint,
    );
    assert.strictEqual(r.status, 1, r.output);
    assert.match(r.output, /a view model is tested in plain Node/);
  });

  it('rejects user-facing text not given to vscode.l10n.t, and accepts it given', () => {
    const bare = planted(
      {
        [`src/vscode/zzplanted${stamp}/a.ts`]: [
          "import * as vscode from 'vscode';",
          '',
          "export const a = () => vscode.window.showInformationMessage('A planted bare string');",
          'export const b = (n: number) => vscode.window.showQuickPick([], { placeHolder: `Pick one of ${n}` });',
          "export const c = () => vscode.window.setStatusBarMessage('Saved it', 1000);",
          "export const d = () => { const undo = 'Undo'; return vscode.window.showInformationMessage(vscode.l10n.t('Done'), undo); };",
          '',
        ].join('\n'),
      },
      eslint,
    );
    assert.strictEqual(bare.status, 1, bare.output);
    assert.strictEqual(bare.output.match(/User-facing text goes through vscode\.l10n\.t/g)?.length, 4, bare.output);
    const given = planted(
      {
        [`src/vscode/zzplanted${stamp}/a.ts`]: [
          "import * as vscode from 'vscode';",
          '',
          "export const a = () => vscode.window.showInformationMessage(vscode.l10n.t('A planted string'));",
          "export const b = (n: number) => vscode.window.showQuickPick([], { placeHolder: vscode.l10n.t('Pick one of {0}', n) });",
          'export const c = (id: string) => vscode.window.showInformationMessage(id, { modal: false });',
          '',
        ].join('\n'),
      },
      eslint,
    );
    assert.strictEqual(given.status, 0, given.output);
  });

  it('rejects an eslint-disable comment that disables nothing', () => {
    const r = planted({ [`src/core/zzplanted${stamp}/a.ts`]: '// eslint-disable-next-line no-console\nexport const a = 1;\n' }, eslint);
    assert.strictEqual(r.status, 1, r.output);
    assert.match(r.output, /Unused eslint-disable directive/);
  });

  it('rejects an import cycle, also one made of type-only imports, and accepts the same modules without it', () => {
    const dir = `src/core/zzplanted${stamp}`;
    const cycle = planted(
      {
        [`${dir}/a.ts`]: "import type { B } from './b';\n\nexport interface A {\n  b?: B;\n}\n",
        [`${dir}/b.ts`]: "import type { A } from './a';\n\nexport interface B {\n  a?: A;\n}\n",
      },
      () => depcruise([dir]),
    );
    assert.notStrictEqual(cycle.status, 0, cycle.output);
    assert.match(cycle.output, /no-circular/);
    const acyclic = planted(
      {
        [`${dir}/a.ts`]: "import type { B } from './b';\n\nexport interface A {\n  b?: B;\n}\n",
        [`${dir}/b.ts`]: 'export interface B {\n  n: number;\n}\n',
      },
      () => depcruise([dir]),
    );
    assert.strictEqual(acyclic.status, 0, acyclic.output);
  });
});

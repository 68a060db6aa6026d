// Part of `npm run bench` (test/bench/workbench.js): how soon a user who opens the Evidence view
// sees their documents and their first suggestion, in the packaged extension in code-server and
// headless Chromium. Times are taken inside the page (test/support/firstRows.ts) from the click on
// the activity bar icon, once the workbench has started its extension host (the git extension's
// branch shows in the status bar), and, separately, on a click right after the workbench appears
// (what a user who clicks at once sees, the extension host's start included). A measurement, not a test.
import type { Page } from 'playwright-core';
import { seenRows, watchRows } from '../../support/firstRows';
import { openPackagedWorkbench } from '../../support/packagedWorkbench';

/** What one repository is measured on: how to make it, settings, and the text of a document row and of a suggestion row. */
export interface FirstRowsCase {
  label: string;
  workspace: (scratch: string) => string | Promise<string>;
  settings?: Record<string, unknown>;
  document: string;
  suggestion: string;
}

/** Milliseconds from the click to the first document row and to the first suggestion row, per run (NaN: never seen in two minutes). */
export interface FirstRows {
  settled: { document: number[]; suggestion: number[] };
  atOnce: { document: number[]; suggestion: number[] };
}

async function once(c: FirstRowsCase, waitForExtensionHost: boolean): Promise<{ document: number; suggestion: number }> {
  const wb = await openPackagedWorkbench('bench-first-rows', () => ({ 'careerEvidence.prompt.mode': 'off', ...c.settings }), c.workspace);
  try {
    const page: Page = wb.page;
    if (waitForExtensionHost) await page.locator('.statusbar-item', { hasText: 'main' }).first().waitFor({ timeout: 60_000 });
    await watchRows(page, { document: c.document, suggestion: c.suggestion });
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const seen = await seenRows(page, ['document', 'suggestion']);
    return { document: seen.document ?? NaN, suggestion: seen.suggestion ?? NaN };
  } finally {
    await wb.close();
  }
}

/** Runs `runs` fresh workbenches of each kind on `c`. */
export async function measureFirstRows(c: FirstRowsCase, runs: number): Promise<FirstRows> {
  const out: FirstRows = { settled: { document: [], suggestion: [] }, atOnce: { document: [], suggestion: [] } };
  for (let i = 0; i < runs; i++)
    for (const [kind, wait] of [
      ['settled', true],
      ['atOnce', false],
    ] as const) {
      const r = await once(c, wait);
      out[kind].document.push(r.document);
      out[kind].suggestion.push(r.suggestion);
      process.stdout.write(
        `  ${c.label}, ${kind} run ${i + 1}: first document row ${r.document.toFixed(0)} ms, first suggestion row ${r.suggestion.toFixed(0)} ms\n`,
      );
    }
  return out;
}

import type { Page } from 'playwright-core';

// Watches, from inside the page, when rows first show in the Evidence view: a check on every
// animation frame, so the times are what the user saw (ms after the watch started), not when a
// test happened to look. (The page's code is a string: this project compiles without the DOM types.)

/** What to watch for: a name, and text a `.monaco-list-row` of the Evidence view must contain. */
export type RowPatterns = Record<string, string>;

const WATCH = `(({ patterns, welcome }) => {
  const started = performance.now();
  const seen = {};
  window.__ceRows = { seen };
  const check = () => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes('Evidence'));
    if (pane) {
      const rows = [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent ?? '');
      for (const [name, text] of Object.entries(patterns))
        if (seen[name] === undefined && rows.some((r) => r.includes(text))) seen[name] = performance.now() - started;
      if (seen.welcome === undefined && (pane.textContent ?? '').includes(welcome)) seen.welcome = performance.now() - started;
    }
    // Until every pattern showed, or two minutes passed (a row that never shows is reported missing).
    if (Object.keys(patterns).some((n) => seen[n] === undefined) && performance.now() - started < 120000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/**
 * Starts watching for `patterns` (and for the view's welcome text, which must not show while
 * documents load). Call it right before the action that shows the view.
 */
export async function watchRows(page: Page, patterns: RowPatterns, welcome = 'No evidence here yet'): Promise<void> {
  await page.evaluate(`${WATCH}(${JSON.stringify({ patterns, welcome })})`);
}

/**
 * When each pattern was first seen (ms after {@link watchRows}; `welcome` too, if the welcome text
 * showed); waits up to `timeoutMs` for the `required` ones, and leaves out those never seen.
 */
export async function seenRows(page: Page, required: readonly string[], timeoutMs = 120_000): Promise<Record<string, number | undefined>> {
  const names = JSON.stringify(required);
  await page
    .waitForFunction(`${names}.every((n) => window.__ceRows && window.__ceRows.seen[n] !== undefined)`, undefined, {
      timeout: timeoutMs,
      polling: 100,
    })
    .catch(() => undefined);
  return (await page.evaluate('({ ...window.__ceRows.seen })')) as Record<string, number | undefined>;
}

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as vscode from 'vscode';
import { api, suggestionRows, workspaceRoot } from './helpers';

// Issue 15 in the real VS Code: the pull requests of a GitHub repository are offered once, fetched
// only after the user's yes (from a fake GitHub on 127.0.0.1, with a fake sign-in), shown in the
// suggestion's details, and read from the cache on the next mine.

describe('pull requests: asked once, fetched only with a yes', function () {
  this.timeout(60_000);
  const seen: number[][] = [];
  let server: http.Server;
  /** Connections our bundle opened, seen by wrapping every way Node opens one (calls from dist/extension.js only). */
  const opened: string[] = [];
  const ours = () => /[\\/]dist[\\/]extension\.js/.test(new Error().stack ?? '');
  const undo: (() => void)[] = [];
  // (VS Code's proxy support makes http(s)' functions getters in the extension host: those are left as they are.)
  const trap = (target: Record<string, unknown>, name: string, label: string) => {
    const original = target[name] as (...a: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      if (ours()) opened.push(label);
      return original.apply(this, args);
    };
    try {
      target[name] = wrapped;
    } catch {
      return;
    }
    if (target[name] === wrapped) undo.push(() => (target[name] = original));
  };

  before(async () => {
    server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const numbers = [...(JSON.parse(text) as { query: string }).query.matchAll(/pullRequest\(number: (\d+)\)/g)].map((m) =>
          Number(m[1]),
        );
        seen.push(numbers);
        const repository = Object.fromEntries(
          numbers.map((n) => [
            `pr${n}`,
            {
              number: n,
              body: `PR ${n}: finance asked for it every month.`,
              createdAt: '2026-03-01T13:00:00Z',
              mergedAt: '2026-03-05T15:30:00Z',
              author: { login: 'dana' },
              timelineItems: { nodes: [] },
              reviews: { nodes: [{ author: { login: 'sam' }, submittedAt: '2026-03-02T13:00:00Z', state: 'APPROVED' }] },
            },
          ]),
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { repository } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
    for (const [m, label] of [
      [http, 'http'],
      [https, 'https'],
    ] as const) {
      trap(m as unknown as Record<string, unknown>, 'request', `${label}.request`);
      trap(m as unknown as Record<string, unknown>, 'get', `${label}.get`);
    }
    trap(net as unknown as Record<string, unknown>, 'connect', 'net.connect');
    const port = (server.address() as net.AddressInfo).port;
    execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/shop.git'], { cwd: workspaceRoot().fsPath });
    const config = vscode.workspace.getConfiguration('careerEvidence');
    await config.update('pullRequests.apiUrl', `http://127.0.0.1:${port}/api/v3`, vscode.ConfigurationTarget.Global);
    (await api()).services.pullRequests.setTokenSupplier(async () => 'fake-session-token');
  });
  after(() => {
    for (const u of undo) u();
    return new Promise((resolve) => server.close(resolve));
  });

  it('offers to fetch, and sends nothing before the yes', async () => {
    const a = await api();
    const [offer] = await suggestionRows(a);
    // Named by where the requests would go: here the API given in User settings.
    assert.match(offer.label, /^Fetch descriptions and reviews of your pull requests from 127\.0\.0\.1:\d+\?$/);
    assert.strictEqual(offer.item.command?.command, 'careerEvidence.fetchPullRequests');
    assert.deepStrictEqual(seen, []);
    assert.deepStrictEqual(opened, [], 'the extension opened a connection before the yes');
    const csv = (await suggestionRows(a)).find((r) => r.label === 'Add export to CSV')!;
    assert.strictEqual(csv.node.type === 'suggestion' && csv.node.suggestion.descriptionSource, 'message');
    // "Not now": the offer leaves for this session, and still nothing is sent.
    const folderUri = vscode.workspace.workspaceFolders![0].uri.toString();
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.fetchPullRequests', folderUri, 'not-now'), 'not-now');
    assert.ok(!(await suggestionRows(a)).some((r) => r.label.startsWith('Fetch descriptions')), 'not offered again this session');
    assert.deepStrictEqual([seen, opened], [[], []]);
  });

  it("after the yes, shows the pull request's description and review times, and reads the cache next time", async () => {
    const a = await api();
    const folderUri = vscode.workspace.workspaceFolders![0].uri.toString();
    assert.strictEqual(await vscode.commands.executeCommand('careerEvidence.fetchPullRequests', folderUri, 'yes'), 'yes');
    // One batched request for both pull requests, then one search of reviews given per quarter of the reports' window.
    assert.deepStrictEqual(seen, [[13, 12], [], [], [], [], []]);
    assert.deepStrictEqual(opened, Array(6).fill('fetch'), 'the trap sees the connections the yes allowed (positive control)');
    const rows = await suggestionRows(a);
    assert.ok(!rows.some((r) => r.label.startsWith('Fetch descriptions')), 'asked once');
    const csv = rows.find((r) => r.label === 'Add export to CSV')!;
    const s = csv.node.type === 'suggestion' ? csv.node.suggestion : undefined;
    assert.deepStrictEqual(
      [s?.description, s?.descriptionSource, s?.waitingForFirstReviewHours, s?.latencyEstimated, s?.reviewerLogins],
      ['PR 12: finance asked for it every month.', 'pull-request', 24, false, ['sam']],
    );
    const panel = (await vscode.commands.executeCommand(
      csv.item.command!.command,
      ...(csv.item.command!.arguments ?? []),
    )) as vscode.WebviewPanel;
    assert.match(panel.webview.html, /PR 12: finance asked for it every month\./);
    panel.dispose();
    await a.services.mergedWork.refresh();
    assert.strictEqual(seen.length, 6, 'the second mine sends nothing: the cache answers (reviews searched today too)');
    await vscode.commands.executeCommand('careerEvidence.forgetPullRequests');
    await a.services.mergedWork.refresh();
    assert.strictEqual(seen.length, 12, 'forgotten: fetched again');
  });
});

import * as vscode from 'vscode';
import type { EvidenceNode } from '../../../src/vscode/evidenceView/evidenceTree';
import type { TestInternals } from '../../../src/vscode/testHook';
import { internals } from '../internals';

export { EXTENSION_ID } from '../internals';

/** Activates the extension under test and returns its internals. */
export const api = internals;

/** A node with its rendered tree item, for assertions. */
export interface Rendered {
  node: EvidenceNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

export async function children(a: TestInternals, node?: EvidenceNode): Promise<Rendered[]> {
  const nodes = (await a.evidenceTree.getChildren(node)) ?? [];
  return nodes.map((n) => {
    const item = a.evidenceTree.getTreeItem(n) as vscode.TreeItem;
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { node: n, item, label, description: typeof item.description === 'string' ? item.description : '' };
  });
}

/** The root rows below the Benchmark group (which reports.test.ts looks at): the document groups, then Suggestions. */
export async function evidenceRoots(a: TestInternals): Promise<Rendered[]> {
  return (await children(a)).filter((r) => r.node.type !== 'benchmark');
}

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

/** Polls `probe` every 100 ms until it gives a value (not undefined, null or false); rejects after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== (false as unknown)) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The Suggestions group's rows once the mine asked for is done: the groups of suggestions
 * (quarters, categories) opened and their suggestions listed newest first, after the group's
 * other rows (range, identity, messages); the Maintenance group left closed.
 */
export async function suggestionRows(a: TestInternals): Promise<Rendered[]> {
  await a.services.mergedWork.all();
  const group = (await evidenceRoots(a)).find((r) => r.node.type === 'suggestions');
  if (!group) throw new Error('no Suggestions group');
  const others: Rendered[] = [];
  const suggestions: Rendered[] = [];
  for (const r of await children(a, group.node)) {
    if (r.node.type === 'suggestionGroup' && r.node.contextValue !== 'maintenance') suggestions.push(...(await children(a, r.node)));
    else (r.node.type === 'suggestion' ? suggestions : others).push(r);
  }
  const mergedAt = (r: Rendered) => (r.node.type === 'suggestion' ? r.node.suggestion.mergedAt : '');
  return [...others, ...suggestions.sort((x, y) => mergedAt(y).localeCompare(mergedAt(x)))];
}

import * as path from 'path';
import * as vscode from 'vscode';
import { TRANSITIONS } from '../../core/documents/lifecycle';
import { CanonicalStatus, EvidenceItem } from '../../core/evidence/model';
import { STATUSES } from '../../core/evidence/status';
import { UserError } from '../../node/errors';
import { findDocument, planLink, planStatusChange, planSupersede } from '../../node/lifecycle';
import { ScanResult } from '../../node/scanEvidence';
import { EvidenceNode } from '../evidenceView/nodes';
import { Services } from '../shared/services';
import { applyFileEdits, readFromBuffers } from './applyEdits';
import { createInFolder } from '../newDesignDoc/command';

/** What lifecycle commands take: a tree node, a file URI (explorer, editor title), or nothing (the active editor). */
type DocumentArg = EvidenceNode | vscode.Uri | undefined;

const SETTABLE_STATUSES: readonly CanonicalStatus[] = STATUSES.filter((s) => s.settable).map((s) => s.status);

/**
 * Resolves the workspace folder, its scan (the index's, kept current by the file watcher) and the
 * document a command is about.
 */
async function resolve(services: Services, arg: DocumentArg): Promise<{ folder: vscode.WorkspaceFolder; scan: ScanResult; item: EvidenceItem } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : arg && 'type' in arg && arg.type === 'document' ? arg.uri : vscode.window.activeTextEditor?.document.uri;
  if (uri) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const scan = folder && (await services.documents.scanOf(folder));
    if (folder && scan) {
      await services.documents.update([uri]); // re-read the document itself: its watcher event may not have come in yet
      const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
      const item = scan.items.find((i) => i.path === rel);
      if (item) return { folder, scan, item };
    }
  }
  return pickDocument(services, 'Which document?', () => true);
}

async function pickDocument(
  services: Services,
  placeHolder: string,
  filter: (i: EvidenceItem) => boolean,
  within?: { folder: vscode.WorkspaceFolder; scan: ScanResult },
): Promise<{ folder: vscode.WorkspaceFolder; scan: ScanResult; item: EvidenceItem } | undefined> {
  const folders = within ? [within.folder] : (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const picks: (vscode.QuickPickItem & { folder: vscode.WorkspaceFolder; scan: ScanResult; item: EvidenceItem })[] = [];
  for (const folder of folders) {
    const scan = within?.scan ?? (await services.documents.scanOf(folder));
    if (!scan) continue;
    for (const item of scan.items.filter(filter)) {
      picks.push({ label: item.title, description: [item.id, item.status ?? item.statusText].filter(Boolean).join(' · '), detail: item.path, folder, scan, item });
    }
  }
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('Career Evidence: no matching document in this workspace.');
    return undefined;
  }
  return vscode.window.showQuickPick(picks, { placeHolder, matchOnDetail: true, matchOnDescription: true });
}

/**
 * Runs a command's task, reporting errors; the files it wrote (what it resolves with) are re-read
 * into the index at once rather than when their watcher events come.
 */
async function run(services: Services, title: string, task: () => Promise<vscode.Uri | vscode.Uri[] | undefined>): Promise<unknown> {
  try {
    const result = await task();
    if (result) await services.documents.include(Array.isArray(result) ? result : [result]);
    return result;
  } catch (err) {
    const message = err instanceof UserError ? err.message : (err as Error).message;
    if (!(err instanceof UserError)) services.log.error(`${title} failed`, err);
    void vscode.window.showErrorMessage(`Career Evidence: ${message}`);
    return undefined;
  }
}

/**
 * Registers Change Status…, Supersede… and Link…: palette, editor and tree context menu. Every edit
 * is written in the document's own format through a WorkspaceEdit (undoable; unsaved buffers are
 * edited, not overwritten). Arguments for automation: `(target, { status })`, `(older, { title })`,
 * `(from, { relation, to })` with `to` a path or id.
 */
export function registerLifecycleCommands(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('careerEvidence.changeStatus', (arg?: DocumentArg, opts?: { status?: CanonicalStatus }) =>
      run(services, 'Change Status', async () => {
        const r = await resolve(services, arg);
        if (!r) return undefined;
        const allowed = r.item.status ? TRANSITIONS[r.item.status].filter((s) => s !== 'superseded') : SETTABLE_STATUSES;
        if (allowed.length === 0 && !opts?.status) throw new UserError(`${r.item.title} is ${r.item.status}: its status does not change (supersede it with a new document instead)`);
        const status =
          opts?.status ??
          (await vscode.window.showQuickPick(allowed.map((s) => ({ label: s })), { title: `Change Status: ${r.item.title}`, placeHolder: `now ${r.item.status ?? r.item.statusText ?? 'none'}` }))?.label;
        if (!status) return undefined;
        const edit = await planStatusChange(r.scan, r.item, status as CanonicalStatus, readFromBuffers);
        await applyFileEdits([edit], `Change status to ${status}`);
        return vscode.Uri.file(edit.absolutePath);
      }),
    ),
    vscode.commands.registerCommand('careerEvidence.supersede', (arg?: DocumentArg, opts?: { title?: string }) =>
      run(services, 'Supersede', async () => {
        const r = arg ? await resolve(services, arg) : await pickDocument(services, 'Which document is superseded?', (i) => i.status !== 'superseded');
        if (!r) return undefined;
        if (r.item.status === 'superseded') throw new UserError(`${r.item.path} is already superseded (${r.item.statusText ?? 'superseded'})`);
        const title = opts?.title ?? (await vscode.window.showInputBox({ title: `Supersede: ${r.item.title}`, prompt: 'Title of the new document that replaces it' }));
        if (!title) return undefined;
        const created = await createInFolder(services, r.folder, r.item.kind, title);
        if (!created) return undefined;
        const scan = await services.documents.scanOf(r.folder); // createInFolder has put the new document in
        if (!scan) throw new UserError(`${r.folder.name} could not be read`);
        const edits = await planSupersede(scan, findDocument(scan, created.path), findDocument(scan, r.item.path), readFromBuffers);
        await applyFileEdits(edits, `Supersede ${r.item.title}`);
        await services.documents.include(edits.map((e) => vscode.Uri.file(e.absolutePath)));
        return vscode.Uri.file(created.absolutePath);
      }),
    ),
    vscode.commands.registerCommand('careerEvidence.link', (arg?: DocumentArg, opts?: { relation?: string; to?: string }) =>
      run(services, 'Link', async () => {
        const r = await resolve(services, arg);
        if (!r) return undefined;
        let relation = opts?.relation;
        if (!relation) {
          const picked = await vscode.window.showQuickPick(
            [
              { label: 'Amends', description: 'and the other is “Amended by”' },
              { label: 'Relates to', description: 'both ways' },
              { label: 'Depends on', description: 'and the other is “Depended on by”' },
              { label: 'Custom…', description: 'Forward:Reverse, as adr-tools -l takes it' },
            ],
            { title: `Link: ${r.item.title}` },
          );
          if (!picked) return undefined;
          relation = picked.label === 'Custom…' ? await vscode.window.showInputBox({ prompt: 'Relation as Forward:Reverse', value: 'Clarifies:Clarified by' }) : picked.label;
        }
        if (!relation) return undefined;
        const picked = opts?.to ? { item: findDocument(r.scan, opts.to) } : await pickDocument(services, `${relation}…`, (i) => i.path !== r.item.path, r);
        if (!picked) return undefined;
        await services.documents.update([vscode.Uri.joinPath(r.folder.uri, ...picked.item.path.split('/'))]);
        const other = { item: findDocument(r.scan, picked.item.path) }; // as re-read just now
        const edits = await planLink(r.scan, r.item, relation, other.item, readFromBuffers);
        await applyFileEdits(edits, `${relation} ${other.item.title}`);
        return edits.map((e) => vscode.Uri.file(e.absolutePath));
      }),
    ),
  );
}

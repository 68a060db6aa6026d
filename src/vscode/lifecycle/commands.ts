import * as path from 'path';
import * as vscode from 'vscode';
import { TRANSITIONS } from '../../core/documents/lifecycle';
import { CanonicalStatus, EvidenceItem } from '../../core/evidence/model';
import { STATUSES } from '../../core/evidence/status';
import { UserError } from '../../node/errors';
import { findDocument, planLink, planStatusChange, planSupersede } from '../../node/lifecycle';
import { FolderSnapshot, documentSet } from '../../core/index/snapshot';
import { Services } from '../services/services';
import { createInFolder } from '../shared/createInFolder';
import { documentArgumentUri } from '../shared/documentArgument';
import { applyFileEdits, readFromBuffers } from './applyEdits';

/** What lifecycle commands take: an Evidence view row, a file URI (explorer, editor title), or nothing (the active editor). */
type DocumentArg = unknown;

/** A document a command is about, with its workspace folder and that folder's documents as now indexed. */
interface Resolved {
  folder: vscode.WorkspaceFolder;
  docs: { root: string; items: readonly EvidenceItem[] };
  item: EvidenceItem;
}

function resolved(folder: vscode.WorkspaceFolder, snapshot: FolderSnapshot, item: EvidenceItem): Resolved {
  return { folder, docs: documentSet(snapshot), item };
}

const SETTABLE_STATUSES: readonly CanonicalStatus[] = STATUSES.filter((s) => s.settable).map((s) => s.status);

/**
 * Resolves the workspace folder, its scan (the index's, kept current by the file watcher) and the
 * document a command is about.
 */
async function resolve(services: Services, arg: DocumentArg): Promise<Resolved | undefined> {
  const uri = documentArgumentUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (uri && folder && (await services.index.folder(folder))) {
    await services.index.update([uri]); // re-read the document itself: its watcher event may not have come in yet
    const snapshot = await services.index.folder(folder);
    const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    const item = snapshot?.documents.find((d) => d.item.path === rel)?.item;
    if (snapshot && item) return resolved(folder, snapshot, item);
  }
  return pickDocument(services, vscode.l10n.t('Which document?'), () => true);
}

async function pickDocument(
  services: Services,
  placeHolder: string,
  filter: (i: EvidenceItem) => boolean,
  within?: vscode.WorkspaceFolder,
): Promise<Resolved | undefined> {
  const folders = within ? [within] : services.git.folders();
  const picks: (vscode.QuickPickItem & Resolved)[] = [];
  for (const folder of folders) {
    const snapshot = await services.index.folder(folder);
    if (!snapshot) continue;
    for (const { item } of snapshot.documents) {
      if (!filter(item)) continue;
      picks.push({
        label: item.title,
        description: [item.id, item.status ?? item.statusText].filter(Boolean).join(' · '),
        detail: item.path,
        ...resolved(folder, snapshot, item),
      });
    }
  }
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Career Evidence: no matching document in this workspace.'));
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
    if (result) await services.index.include(Array.isArray(result) ? result : [result]);
    return result;
  } catch (err) {
    const message = err instanceof UserError ? err.message : (err as Error).message;
    if (!(err instanceof UserError)) services.log.error(`${title} failed`, err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Career Evidence: {0}', message));
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
        if (allowed.length === 0 && !opts?.status)
          throw new UserError(`${r.item.title} is ${r.item.status}: its status does not change (supersede it with a new document instead)`);
        const status =
          opts?.status ??
          (
            await vscode.window.showQuickPick(
              allowed.map((s) => ({ label: s })),
              {
                title: vscode.l10n.t('Change Status: {0}', r.item.title),
                placeHolder: vscode.l10n.t('now {0}', r.item.status ?? r.item.statusText ?? 'none'),
              },
            )
          )?.label;
        if (!status) return undefined;
        const edit = await planStatusChange(r.docs, r.item, status as CanonicalStatus, readFromBuffers);
        await applyFileEdits([edit], vscode.l10n.t('Change status to {0}', status));
        return vscode.Uri.file(edit.absolutePath);
      }),
    ),
    vscode.commands.registerCommand('careerEvidence.supersede', (arg?: DocumentArg, opts?: { title?: string }) =>
      run(services, 'Supersede', async () => {
        const r = arg
          ? await resolve(services, arg)
          : await pickDocument(services, vscode.l10n.t('Which document is superseded?'), (i) => i.status !== 'superseded');
        if (!r) return undefined;
        if (r.item.status === 'superseded')
          throw new UserError(`${r.item.path} is already superseded (${r.item.statusText ?? 'superseded'})`);
        const title =
          opts?.title ??
          (await vscode.window.showInputBox({
            title: vscode.l10n.t('Supersede: {0}', r.item.title),
            prompt: vscode.l10n.t('Title of the new document that replaces it'),
          }));
        if (!title) return undefined;
        const created = await createInFolder(services, r.folder, r.item.kind, title);
        if (!created) return undefined;
        const snapshot = await services.index.folder(r.folder); // createInFolder has put the new document in
        if (!snapshot) throw new UserError(`${r.folder.name} could not be read`);
        const docs = documentSet(snapshot);
        const edits = await planSupersede(docs, findDocument(docs, created.path), findDocument(docs, r.item.path), readFromBuffers);
        await applyFileEdits(edits, `Supersede ${r.item.title}`);
        await services.index.include(edits.map((e) => vscode.Uri.file(e.absolutePath)));
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
              // `relation`: the words written into the document, as adr-tools writes them (never translated).
              { label: vscode.l10n.t('Amends'), description: vscode.l10n.t('and the other is “Amended by”'), relation: 'Amends' },
              { label: vscode.l10n.t('Relates to'), description: vscode.l10n.t('both ways'), relation: 'Relates to' },
              {
                label: vscode.l10n.t('Depends on'),
                description: vscode.l10n.t('and the other is “Depended on by”'),
                relation: 'Depends on',
              },
              { label: vscode.l10n.t('Custom…'), description: vscode.l10n.t('Forward:Reverse, as adr-tools -l takes it'), relation: null },
            ],
            { title: vscode.l10n.t('Link: {0}', r.item.title) },
          );
          if (!picked) return undefined;
          relation =
            picked.relation === null
              ? await vscode.window.showInputBox({ prompt: vscode.l10n.t('Relation as Forward:Reverse'), value: 'Clarifies:Clarified by' })
              : picked.relation;
        }
        if (!relation) return undefined;
        const picked = opts?.to
          ? { item: findDocument(r.docs, opts.to) }
          : await pickDocument(services, `${relation}…`, (i) => i.path !== r.item.path, r.folder);
        if (!picked) return undefined;
        await services.index.update([vscode.Uri.joinPath(r.folder.uri, ...picked.item.path.split('/'))]);
        const now = await services.index.folder(r.folder);
        if (!now) throw new UserError(`${r.folder.name} could not be read`);
        const docs = documentSet(now); // as re-read just now
        const other = findDocument(docs, picked.item.path);
        const edits = await planLink(docs, r.item, relation, other, readFromBuffers);
        await applyFileEdits(edits, `${relation} ${other.title}`);
        return edits.map((e) => vscode.Uri.file(e.absolutePath));
      }),
    ),
  );
}

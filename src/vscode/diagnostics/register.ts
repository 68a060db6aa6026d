import * as path from 'path';
import * as vscode from 'vscode';
import { relativeLink } from '../../core/documents/lifecycle';
import { localToday } from '../../core/evidence/dates';
import { CanonicalStatus, closestStatuses } from '../../core/evidence/status';
import { aliasWordFor } from '../../core/evidence/statusAliases';
import { nextNumber } from '../../core/naming/fileName';
import { documentUri } from '../services/evidenceIndex';
import { Services } from '../services/services';
import { DiagnosticData, DiagnosticsModel } from './diagnosticsModel';
import { ADD_STATUS_ALIAS_COMMAND, AddStatusAliasArgs, addStatusAlias } from './statusAliasCommand';

// The product's name as the Problems panel's source (and how our findings are told apart): not translated.
// eslint-disable-next-line no-restricted-syntax
const SOURCE = 'Career Evidence';
const RENUMBER_COMMAND = 'careerEvidence.renumber';
/** How long the checks wait after documents were read (ms). */
const CHECK_DELAY_MS = 200;

/**
 * Moves a document to `target` (its new number) in one undoable edit: the new file with an
 * adr-tools `# N.` heading renumbered too, then the old one removed; never overwrites `target`.
 */
async function renumber(source: vscode.Uri, target: vscode.Uri, next: number): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(source);
  const text = doc.getText().replace(/^(#\s+)\d+\./m, `$1${next}.`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  edit.deleteFile(source);
  return vscode.workspace.applyEdit(edit);
}

function proposedMaxDays(): number {
  return Math.max(1, Number(vscode.workspace.getConfiguration('careerEvidence').get<number>('diagnostics.proposedMaxDays', 30)) || 30);
}

/**
 * Publishes the checks of every indexed document in the Problems panel (refreshed whenever the
 * documents are re-read) and offers quick fixes: set a canonical status, point a broken link at an
 * existing document, renumber a document whose number is taken.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('career-evidence');
  const model = new DiagnosticsModel(() => ({ today: localToday(), proposedMaxDays: proposedMaxDays() }));
  const publish = () => {
    const changes = model.publish(services.index.current);
    // One batch, with URIs made only for the files whose findings changed (thousands of files carry findings).
    if (changes.length > 0)
      collection.set(
        changes.map((c): [vscode.Uri, vscode.Diagnostic[] | undefined] => [
          documentUri(c.folder.root, c.path),
          c.diagnostics.length > 0 ? c.diagnostics.map(toDiagnostic) : undefined,
        ]),
      );
  };
  // The checks run a moment after the documents are read, so the tree shows them (or the edit)
  // first, and a burst of saves is checked once: they look at every document (duplicate numbers,
  // links) and can publish thousands of findings, which would otherwise delay VS Code's requests
  // for the expanded groups' rows.
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    collection,
    services.index.onDidChange((change) => {
      model.take(change);
      clearTimeout(timer);
      timer = setTimeout(publish, CHECK_DELAY_MS);
    }),
    { dispose: () => clearTimeout(timer) },
    vscode.commands.registerCommand(RENUMBER_COMMAND, renumber),
    vscode.commands.registerCommand(ADD_STATUS_ALIAS_COMMAND, (args?: AddStatusAliasArgs) => addStatusAlias(services, args)),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, new QuickFixes(services), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
  return collection;
}

const SEVERITY: Record<DiagnosticData['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(data: DiagnosticData): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(data.line, data.column, data.line, 1000), data.message, SEVERITY[data.severity]);
  d.source = SOURCE;
  d.code = data.code;
  if (data.data) (d as vscode.Diagnostic & { data?: string }).data = data.data;
  return d;
}

/**
 * "Treat '<word>' as <status>" (kept in the user's settings: nothing is written into the
 * repository) and "Treat '<word>' as…" (any status, and the choice to share it with the team).
 */
function treatAsActions(
  d: vscode.Diagnostic,
  written: string,
  status: CanonicalStatus,
  folder: vscode.WorkspaceFolder,
): vscode.CodeAction[] {
  const word = aliasWordFor(written);
  if (!word) return [];
  const action = (title: string, args: AddStatusAliasArgs) => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.command = { command: ADD_STATUS_ALIAS_COMMAND, title, arguments: [args] };
    a.diagnostics = [d];
    return a;
  };
  return [
    action(vscode.l10n.t('Treat "{0}" as {1} (your settings)', word, status), { word, status, scope: 'user' }),
    action(vscode.l10n.t('Treat "{0}" as…', word), { word, folder: folder.uri.toString() }),
  ];
}

class QuickFixes implements vscode.CodeActionProvider {
  constructor(private readonly services: Services) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const snapshot = folder && (await this.services.index.folder(folder));
    if (!folder || !snapshot) return [];
    const paths = snapshot.documents.map((d) => d.item.path);
    const rel = path.relative(folder.uri.fsPath, document.uri.fsPath).split(path.sep).join('/');
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      if (d.code === 'unknown-status') {
        // The closest status first (a typo of "accepted" offers "accepted"), preferred.
        const written = snapshot.documents.find((x) => x.item.path === rel)?.item.statusText ?? '';
        const closest = closestStatuses(written);
        for (const [i, status] of closest.entries()) {
          const a = new vscode.CodeAction(vscode.l10n.t('Set status to {0}', status), vscode.CodeActionKind.QuickFix);
          a.command = { command: 'careerEvidence.changeStatus', title: a.title, arguments: [document.uri, { status }] };
          a.diagnostics = [d];
          a.isPreferred = i === 0;
          actions.push(a);
          if (i === 0) actions.push(...treatAsActions(d, written, status, folder));
        }
      } else if (d.code === 'date-after-added') {
        // Replace the date where it stands (the finding points at it) with the day git added the file.
        const day = (d as vscode.Diagnostic & { data?: string }).data ?? '';
        const line = document.lineAt(Math.min(d.range.start.line, document.lineCount - 1));
        const at = line.text.indexOf(
          /\d{4}-\d{2}-\d{2}/.exec(line.text.slice(d.range.start.character))?.[0] ?? '\0',
          d.range.start.character,
        );
        if (day && at >= 0) {
          const a = new vscode.CodeAction(vscode.l10n.t('Use the day git added it ({0})', day), vscode.CodeActionKind.QuickFix);
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(document.uri, new vscode.Range(line.lineNumber, at, line.lineNumber, at + 10), day);
          a.diagnostics = [d];
          a.isPreferred = true;
          actions.push(a);
        }
      } else if (d.code === 'missing-link-target') {
        const missing = (d as vscode.Diagnostic & { data?: string }).data ?? '';
        for (const candidate of closestDocuments(
          missing,
          paths.filter((p) => p !== rel),
        )) {
          const line = document.lineAt(d.range.start.line);
          const oldHref = relativeLink(rel, missing);
          const at = line.text.indexOf(oldHref);
          if (at < 0) continue;
          const a = new vscode.CodeAction(
            vscode.l10n.t('Link to {0}', candidate.split('/').pop() ?? candidate),
            vscode.CodeActionKind.QuickFix,
          );
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(
            document.uri,
            new vscode.Range(line.lineNumber, at, line.lineNumber, at + oldHref.length),
            relativeLink(rel, candidate),
          );
          a.diagnostics = [d];
          a.isPreferred = actions.every((x) => !x.isPreferred);
          actions.push(a);
        }
      } else if (d.code === 'duplicate-number') {
        const dir = rel.split('/').slice(0, -1).join('/');
        const names = paths.filter((p) => p.startsWith(`${dir}/`)).map((p) => p.split('/').pop()!);
        const { next, width } = nextNumber(names);
        const fileName = rel.split('/').pop()!;
        const renamed = fileName.replace(/^\d+/, String(next).padStart(width, '0'));
        const a = new vscode.CodeAction(
          vscode.l10n.t('Renumber to {0}', String(next).padStart(width, '0')),
          vscode.CodeActionKind.QuickFix,
        );
        const target = vscode.Uri.joinPath(folder.uri, ...dir.split('/').filter(Boolean), renamed);
        a.command = { command: RENUMBER_COMMAND, title: a.title, arguments: [document.uri, target, next] };
        a.diagnostics = [d];
        actions.push(a);
      }
    }
    return actions;
  }
}

/** Existing documents most like a missing link target: same number first, then by shared name words. */
export function closestDocuments(missing: string, existing: readonly string[], max = 3): string[] {
  const name = missing.split('/').pop() ?? missing;
  const num = /^(\d+)-/.exec(name)?.[1];
  const words = new Set(
    name
      .replace(/\.md$/, '')
      .split(/[-_]/)
      .filter((w) => w && !/^\d+$/.test(w)),
  );
  const score = (p: string) => {
    const n = p.split('/').pop()!;
    const sameNumber = num !== undefined && Number(/^(\d+)-/.exec(n)?.[1]) === Number(num) ? 10 : 0;
    const shared = n
      .replace(/\.md$/, '')
      .split(/[-_]/)
      .filter((w) => words.has(w)).length;
    return sameNumber + shared;
  };
  return existing
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.p.localeCompare(b.p))
    .slice(0, max)
    .map((x) => x.p);
}

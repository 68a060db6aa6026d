import * as path from 'path';
import * as vscode from 'vscode';
import { DocumentChecks, Finding } from '../../core/diagnostics/checks';
import { relativeLink } from '../../core/documents/lifecycle';
import { STATUSES } from '../../core/evidence/status';
import { nextNumber } from '../../core/naming/fileName';
import { localToday } from '../../core/evidence/dates';
import { DocumentsLoaded, FolderDocuments } from '../evidenceView/documentStore';
import { Services } from '../shared/services';

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

/** Findings of one workspace folder's documents (see `checkDocuments`), by checks that remember unchanged documents. */
function findingsOf(checks: DocumentChecks, f: FolderDocuments): Finding[] {
  return checks.check(
    f.scan.items.map((item) => ({ item, details: f.scan.details[item.path] })),
    f.scan.problems,
    { today: localToday(), proposedMaxDays: proposedMaxDays() },
  );
}

/**
 * Publishes the checks of every indexed document in the Problems panel (refreshed whenever the
 * documents are re-read) and offers quick fixes: set a canonical status, point a broken link at an
 * existing document, renumber a document whose number is taken.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('career-evidence');
  // Published by difference, in one batch: only files whose findings changed are sent to the
  // Problems panel, and a URI is made only for them (thousands of files carry findings).
  let published = new Map<string, { uri: vscode.Uri; findings: Finding[] }>();
  const checks = new DocumentChecks(); // after an edit, only the re-read documents are checked again on their own
  const publish = (folders: readonly FolderDocuments[]) => {
    const next = new Map<string, { f: FolderDocuments; path: string; findings: Finding[] }>();
    for (const f of folders) {
      const folderKey = f.folder.uri.toString();
      for (const finding of findingsOf(checks, f)) {
        const key = `${folderKey}\n${finding.path}`;
        const entry = next.get(key);
        if (entry) entry.findings.push(finding);
        else next.set(key, { f, path: finding.path, findings: [finding] });
      }
    }
    const changes: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const nowPublished = new Map<string, { uri: vscode.Uri; findings: Finding[] }>();
    for (const [key, { f, path: rel, findings }] of next) {
      const before = published.get(key);
      const uri = before?.uri ?? vscode.Uri.joinPath(f.folder.uri, ...rel.split('/'));
      nowPublished.set(key, { uri, findings });
      if (!before || !sameFindings(before.findings, findings)) changes.push([uri, findings.map(toDiagnostic)]);
    }
    for (const [key, { uri }] of published) if (!nowPublished.has(key)) changes.push([uri, undefined]);
    published = nowPublished;
    if (changes.length > 0) collection.set(changes);
  };
  // The checks run a moment after the documents are read, so the tree shows them (or the edit)
  // first, and a burst of saves is checked once: they look at every document (duplicate numbers,
  // links) and publish thousands of findings at 11,000 documents (~60–90 ms of the extension host,
  // which would otherwise delay VS Code's requests for the expanded groups' rows).
  let timer: NodeJS.Timeout | undefined;
  const onLoad = ({ folders }: DocumentsLoaded) => {
    clearTimeout(timer);
    timer = setTimeout(() => publish(folders), CHECK_DELAY_MS);
  };
  context.subscriptions.push(
    collection,
    services.documents.onDidLoad(onLoad),
    { dispose: () => clearTimeout(timer) },
    vscode.commands.registerCommand(RENUMBER_COMMAND, renumber),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, new QuickFixes(services), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
  return collection;
}

/** Same findings: the very objects (the checks keep those of unchanged documents), or equal ones. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i]));
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const line = Math.max(0, (finding.line ?? 1) - 1);
  const column = Math.max(0, (finding.column ?? 1) - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, column, line, 1000), finding.message, SEVERITY[finding.severity]);
  d.source = SOURCE;
  d.code = finding.code;
  if (finding.data) (d as vscode.Diagnostic & { data?: string }).data = finding.data;
  return d;
}

class QuickFixes implements vscode.CodeActionProvider {
  constructor(private readonly services: Services) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const docs = folder && (await this.services.documents.all()).find((f) => f.folder.uri.toString() === folder.uri.toString());
    if (!folder || !docs) return [];
    const rel = path.relative(folder.uri.fsPath, document.uri.fsPath).split(path.sep).join('/');
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      if (d.code === 'unknown-status') {
        for (const { status } of STATUSES.filter((s) => s.quickFix)) {
          const a = new vscode.CodeAction(`Set status to ${status}`, vscode.CodeActionKind.QuickFix);
          a.command = { command: 'careerEvidence.changeStatus', title: a.title, arguments: [document.uri, { status }] };
          a.diagnostics = [d];
          actions.push(a);
        }
      } else if (d.code === 'missing-link-target') {
        const missing = (d as vscode.Diagnostic & { data?: string }).data ?? '';
        for (const candidate of closestDocuments(missing, docs.scan.items.map((i) => i.path).filter((p) => p !== rel))) {
          const line = document.lineAt(d.range.start.line);
          const oldHref = relativeLink(rel, missing);
          const at = line.text.indexOf(oldHref);
          if (at < 0) continue;
          const a = new vscode.CodeAction(`Link to ${candidate.split('/').pop()}`, vscode.CodeActionKind.QuickFix);
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(document.uri, new vscode.Range(line.lineNumber, at, line.lineNumber, at + oldHref.length), relativeLink(rel, candidate));
          a.diagnostics = [d];
          a.isPreferred = actions.every((x) => !x.isPreferred);
          actions.push(a);
        }
      } else if (d.code === 'duplicate-number') {
        const dir = rel.split('/').slice(0, -1).join('/');
        const names = docs.scan.items.filter((i) => i.path.startsWith(`${dir}/`)).map((i) => i.path.split('/').pop()!);
        const { next, width } = nextNumber(names);
        const fileName = rel.split('/').pop()!;
        const renamed = fileName.replace(/^\d+/, String(next).padStart(width, '0'));
        const a = new vscode.CodeAction(`Renumber to ${String(next).padStart(width, '0')}`, vscode.CodeActionKind.QuickFix);
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
  const words = new Set(name.replace(/\.md$/, '').split(/[-_]/).filter((w) => w && !/^\d+$/.test(w)));
  const score = (p: string) => {
    const n = p.split('/').pop()!;
    const sameNumber = num !== undefined && Number(/^(\d+)-/.exec(n)?.[1]) === Number(num) ? 10 : 0;
    const shared = n.replace(/\.md$/, '').split(/[-_]/).filter((w) => words.has(w)).length;
    return sameNumber + shared;
  };
  return existing
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.p.localeCompare(b.p))
    .slice(0, max)
    .map((x) => x.p);
}

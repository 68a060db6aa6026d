import * as vscode from 'vscode';
import { DocumentDetails, EvidenceItem, EvidenceKind } from '../../core/evidence/model';
import { Suggestion } from '../../core/git/suggestions';
import { KINDS } from '../../core/evidence/kinds';
import { SHOW_SUGGESTION_COMMAND } from '../mergedWork/suggestionDocument';
import type { ScanResult } from '../../node/scanEvidence';

/** A document of the index as the view lists it: with its folder, and its folder's scan (to resolve its links). */
export interface ListedDocument {
  item: EvidenceItem;
  details?: DocumentDetails;
  folder: vscode.WorkspaceFolder;
  scan: ScanResult;
}

/**
 * A document row of the Evidence view. Expanding a large group makes thousands of rows at once and
 * VS Code renders only the few dozen on screen, so a row is a thin view of its listed document: the
 * URI is made when first read, the link rows (`links`) when the row itself is expanded. Updating
 * the listed document (or `doc`) updates the row, so the view can refresh that one row.
 */
export class DocumentRow {
  readonly type = 'document';
  /** Rows of the document's links (supersedes, superseded by…), made on first expansion; undefined again when its links change. */
  links: EvidenceNode[] | undefined;

  constructor(
    public doc: ListedDocument,
    /** Key of the group the row is in (a document can be in two groups when grouped by tag). */
    readonly groupKey: string,
    /** The workspace folder's name, shown when several are open. */
    readonly folderName: string | undefined,
  ) {}

  get item(): EvidenceItem {
    return this.doc.item;
  }

  get details(): DocumentDetails | undefined {
    return this.doc.details;
  }

  get uri(): vscode.Uri {
    return documentUri(this.doc);
  }

  /** The row's tree-item id: stable across refreshes, unique across groups. */
  get id(): string {
    return `doc:${this.groupKey}:${this.uri.toString()}`;
  }

  get hasLinks(): boolean {
    return (this.doc.details?.links.length ?? 0) > 0;
  }
}

/** URIs made so far, by document: an entry lives as long as its file is not re-read. */
const uris = new WeakMap<EvidenceItem, vscode.Uri>();

/** A document's URI; its path is already normal (from our own scan), so no `joinPath` normalising. */
function documentUri(d: ListedDocument): vscode.Uri {
  let uri = uris.get(d.item);
  if (!uri) uris.set(d.item, (uri = d.folder.uri.with({ path: `${d.folder.uri.path.replace(/\/$/, '')}/${d.item.path}` })));
  return uri;
}

/**
 * A node of the Evidence view. A group's document rows are made when it is first expanded
 * (`children`).
 */
export type EvidenceNode =
  | { type: 'group'; key: string; label: string; kind?: EvidenceKind; members: ListedDocument[]; children?: EvidenceNode[] }
  | DocumentRow
  | { type: 'link'; parentId: string; relation: string; title: string; uri: vscode.Uri; exists: boolean }
  | { type: 'suggestions'; count?: number }
  | { type: 'suggestion'; suggestion: Suggestion; folderUri: string }
  | { type: 'detail'; parentId: string; label: string; description?: string; icon: string; tooltip?: string }
  | { type: 'message'; text: string };

const KIND_ICONS: Readonly<Record<EvidenceKind, string>> = {
  decision: 'law',
  rfc: 'comment-discussion',
  design: 'symbol-structure',
  tradeoff: 'checklist',
  postmortem: 'flame',
  log: 'notebook',
  growth: 'rocket',
  brag: 'star-full',
  star: 'mortar-board',
};
const CHANGE_ICONS = { merge: 'git-merge', squash: 'git-pull-request', rebase: 'git-pull-request', commit: 'git-commit' } as const;

/** Groups with more documents than this start collapsed. */
const EXPANDED_GROUP_MAX = 500;

/** Renders a node as a `TreeItem`. Pure: no I/O. */
export function toTreeItem(node: EvidenceNode): vscode.TreeItem {
  switch (node.type) {
    case 'group': {
      // Large groups start collapsed: opening the view should not mean rendering 4,000 rows.
      const t = new vscode.TreeItem(node.label, node.members.length > EXPANDED_GROUP_MAX ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      t.id = `group:${node.key}`;
      t.description = String(node.members.length);
      t.contextValue = 'group';
      return t;
    }
    case 'document': {
      const { item } = node;
      const t = new vscode.TreeItem(item.title, node.hasLinks ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      t.id = node.id;
      t.resourceUri = node.uri;
      t.iconPath = new vscode.ThemeIcon(KIND_ICONS[item.kind]);
      t.description = [item.status ?? item.statusText, item.date, node.folderName].filter(Boolean).join(' · ');
      // The tooltip is made on hover (resolveTooltip): thousands of rows are sent without one.
      t.contextValue = `document.${item.kind}`;
      t.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
      return t;
    }
    case 'link': {
      const t = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
      t.id = `${node.parentId}:link:${node.relation}:${node.uri.toString()}`;
      t.description = node.exists ? node.relation.replace(/-/g, ' ') : `${node.relation.replace(/-/g, ' ')} · missing`;
      t.iconPath = new vscode.ThemeIcon(node.relation.startsWith('superseded') ? 'arrow-right' : node.relation === 'supersedes' ? 'arrow-left' : 'link');
      t.contextValue = 'link';
      if (node.exists) t.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
      return t;
    }
    case 'suggestions': {
      const t = new vscode.TreeItem('Suggestions', vscode.TreeItemCollapsibleState.Expanded);
      t.id = 'suggestions';
      t.description = node.count === undefined ? undefined : String(node.count);
      t.tooltip = 'Brag-document suggestions from your merged work: accept one to write a brag entry in your journal';
      t.contextValue = 'suggestions';
      return t;
    }
    case 'suggestion': {
      const s = node.suggestion;
      const t = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.Collapsed);
      t.id = `suggestion:${node.folderUri}:${s.sha}`;
      t.iconPath = new vscode.ThemeIcon(CHANGE_ICONS[s.kind]);
      t.description = [s.pr ? `#${s.pr.number}` : s.sha.slice(0, 7), s.mergedAt.slice(0, 10), ...s.tags].join(' · ');
      // Inline actions: Accept, Dismiss, and Open PR when the remote gives a web address.
      t.contextValue = s.pr?.url ? 'suggestion.pr' : 'suggestion';
      t.command = { command: SHOW_SUGGESTION_COMMAND, title: 'Show Details', arguments: [node.folderUri, s.sha] };
      return t;
    }
    case 'detail': {
      const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      t.id = `${node.parentId}:${node.icon}:${node.label}`;
      t.description = node.description;
      t.iconPath = new vscode.ThemeIcon(node.icon);
      t.tooltip = node.tooltip ?? node.label;
      t.contextValue = 'detail';
      return t;
    }
    case 'message': {
      const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      t.iconPath = new vscode.ThemeIcon('info');
      t.tooltip = node.text;
      t.contextValue = 'message';
      return t;
    }
  }
}

/** The rich tooltip of a document or suggestion row, made when the row is hovered (`resolveTreeItem`). */
export function resolveTooltip(node: EvidenceNode): vscode.MarkdownString | undefined {
  if (node.type === 'document') return documentTooltip(node.item, node.details);
  if (node.type === 'suggestion') return suggestionTooltip(node.suggestion);
  return undefined;
}

function documentTooltip(item: EvidenceItem, details: DocumentDetails | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(item.title)}**\n\n`);
  md.appendMarkdown(`${KINDS[item.kind].label} · ${item.format}${item.id ? ` · ${escape(item.id)}` : ''}\n\n`);
  if (item.statusText) md.appendMarkdown(`Status: ${escape(item.statusText)}\n\n`);
  if (item.date) md.appendMarkdown(`Date: ${item.date}\n\n`);
  if (details?.people.length) md.appendMarkdown(`People: ${escape(details.people.join(', '))}\n\n`);
  if (details?.added) md.appendMarkdown(`Added by ${escape(details.added.name)} on ${details.added.date.slice(0, 10)}\n\n`);
  if (details?.tags.length) md.appendMarkdown(`Tags: ${escape(details.tags.join(', '))}\n\n`);
  for (const l of details?.links ?? []) md.appendMarkdown(`${escape(l.relation.replace(/-/g, ' '))}: \`${escape(l.target)}\`\n\n`);
  md.appendMarkdown(`\`${escape(item.path)}\``);
  return md;
}

function suggestionTooltip(s: Suggestion): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(s.title)}**\n\n`);
  md.appendMarkdown(`${s.pr ? `PR #${s.pr.number} (${s.pr.provider}) · ` : ''}merged ${s.mergedAt.slice(0, 10)} · ${s.files} files, +${s.insertions} −${s.deletions}\n\n`);
  if (s.reviewLatencyHours !== null) md.appendMarkdown(`Review latency: ${s.reviewLatencyHours} h${s.latencyEstimated ? ' (estimated)' : ''}\n\n`);
  if (s.tags.length > 0) md.appendMarkdown(`Exposure: ${s.tags.join(', ')}\n\n`);
  md.appendMarkdown(`${escape(s.author.name)} · \`${s.sha.slice(0, 12)}\``);
  return md;
}

/** The expandable details of a suggestion: description, size and files, latency, tags. */
export function suggestionDetails(node: Extract<EvidenceNode, { type: 'suggestion' }>): EvidenceNode[] {
  const s = node.suggestion;
  const parentId = `suggestion:${node.folderUri}:${s.sha}`;
  const out: EvidenceNode[] = [];
  const firstLine = s.description.split('\n').find((l) => l.trim()) ?? '';
  if (firstLine) out.push({ type: 'detail', parentId, label: firstLine.slice(0, 200), icon: 'note', tooltip: s.description });
  out.push({ type: 'detail', parentId, label: `${s.files} file${s.files === 1 ? '' : 's'}`, description: `+${s.insertions} −${s.deletions}`, icon: 'diff', tooltip: s.paths.join('\n') });
  for (const p of s.paths.slice(0, 5)) out.push({ type: 'detail', parentId, label: p, icon: 'file' });
  if (s.reviewLatencyHours !== null) out.push({ type: 'detail', parentId, label: `Review latency ${s.reviewLatencyHours} h`, description: s.latencyEstimated ? 'estimated' : undefined, icon: 'watch' });
  if (s.tags.length > 0) out.push({ type: 'detail', parentId, label: s.tags.join(', '), description: 'exposure', icon: 'tag' });
  out.push({ type: 'detail', parentId, label: s.category, description: 'category', icon: 'symbol-enum' });
  return out;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

import { Suggestion } from '../../core/git/suggestions';
import { escapeHtml as esc } from '../../core/report/escapeHtml';

// The suggestion details panel's page, computed without VS Code (the panel only shows it): every
// text of the suggestion escaped, no inline script or style, buttons that post typed messages.

/** What the page's buttons ask the extension to do. */
export type DetailsMessage = { type: 'accept' | 'acceptAndEdit' | 'dismiss' | 'openPullRequest' | 'newStory' };

const ACTIONS: readonly DetailsMessage['type'][] = ['accept', 'acceptAndEdit', 'dismiss', 'openPullRequest', 'newStory'];

/** The message if `value` is one the page sends, else undefined (anything else is ignored). */
export function readDetailsMessage(value: unknown): DetailsMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  return Object.keys(value).length === 1 && ACTIONS.includes(type as DetailsMessage['type'])
    ? { type: type as DetailsMessage['type'] }
    : undefined;
}

const SOURCE_NOTE: Readonly<Record<Suggestion['descriptionSource'], string>> = {
  message: '',
  'branch-commits': ' <span class="source">from the merged branch’s commits</span>',
  'pull-request': ' <span class="source">from the pull request (fetched with your consent)</span>',
};

/** Where the page's resources come from: the webview's `cspSource` and the URIs of its script and style. */
export interface PageResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

/**
 * The page of a suggestion: its title, how and when it landed, its description (paragraphs as
 * written), size and files, review latency and exposure, and the buttons Accept, Accept and Edit,
 * Dismiss, Open Pull Request (when the PR has a web address) and New STAR Story. `decided` (a
 * sentence) replaces the buttons once the suggestion was accepted or dismissed.
 */
export function suggestionDetailsHtml(s: Suggestion, res: PageResources, decided?: string): string {
  const how = { merge: 'merge commit', squash: 'squash merge', rebase: 'rebase-merged series', commit: 'commit' }[s.kind];
  const facts: [string, string][] = [
    ['Merged', esc(s.mergedAt.replace('T', ' '))],
    ['How', `${how}${s.pr ? ` of pull request #${s.pr.number} (${esc(s.pr.provider)})` : ''}`],
    ['Author', esc(s.author.name) + (s.coAuthors.length ? `, with ${esc(s.coAuthors.map((p) => p.name || p.email).join(', '))}` : '')],
    ['Category', esc(s.category)],
    ['Size', `${s.files === 1 ? '1 file' : `${s.files} files`}, +${s.insertions} −${s.deletions}`],
  ];
  if (s.reviewLatencyHours !== null)
    facts.push(['Review latency', `${s.reviewLatencyHours} h${s.latencyEstimated ? ' (estimated)' : ''}, first commit → merge`]);
  if (typeof s.waitingForFirstReviewHours === 'number') facts.push(['Waiting for first review', `${s.waitingForFirstReviewHours} h`]);
  if (typeof s.reviewToMergeHours === 'number') facts.push(['First review → merge', `${s.reviewToMergeHours} h`]);
  if (s.reviewerLogins?.length) facts.push(['Reviewers', esc(s.reviewerLogins.join(', '))]);
  if (s.tags.length) facts.push(['Complexity exposure', esc(s.tags.join(', '))]);
  facts.push([s.commits.length > 1 ? 'Commits' : 'Commit', s.commits.map((c) => `<code>${esc(c.slice(0, 12))}</code>`).join(' ')]);
  const paragraphs = s.description
    .trim()
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`);
  const button = (type: DetailsMessage['type'], label: string, primary = false) =>
    `<button type="button" data-action="${type}"${primary ? ' class="primary"' : ''}>${label}</button>`;
  const actions = decided
    ? `<p class="decided">${esc(decided)}</p>`
    : [
        button('accept', 'Accept: Add to Brag Document', true),
        button('acceptAndEdit', 'Accept and Edit'),
        button('dismiss', 'Dismiss'),
        s.pr?.url ? button('openPullRequest', 'Open Pull Request') : '',
        button('newStory', 'New STAR Story'),
      ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${res.cspSource}; style-src ${res.cspSource}; img-src ${res.cspSource}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${esc(res.styleUri)}">
<title>${esc(s.title)}</title>
</head>
<body>
<h1>${esc(s.title)}</h1>
<div class="actions" role="toolbar" aria-label="Decide">${actions}</div>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>Description${SOURCE_NOTE[s.descriptionSource]}</h2>
${paragraphs.length ? paragraphs.join('\n') : '<p class="none">No description.</p>'}
${s.paths.length ? `<h2>Files</h2><ul>${s.paths.map((p) => `<li><code>${esc(p)}</code></li>`).join('')}${s.files > s.paths.length ? `<li>… and ${s.files - s.paths.length} more</li>` : ''}</ul>` : ''}
<p class="hint">For your brag document: what changed because of this work? After accepting, add the result with a number (time saved, errors avoided, users reached).</p>
<script src="${esc(res.scriptUri)}"></script>
</body>
</html>
`;
}

import { Translate } from '../shared/translate';
import { webviewCsp } from '../shared/webviewCsp';
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
export function suggestionDetailsHtml(s: Suggestion, res: PageResources, t: Translate, decided?: string): string {
  const how = {
    merge: t('merge commit'),
    squash: t('squash merge'),
    rebase: t('rebase-merged series'),
    commit: t('commit'),
  }[s.kind];
  const source = {
    message: '',
    'branch-commits': ` <span class="source">${esc(t('from the merged branch’s commits'))}</span>`,
    'pull-request': ` <span class="source">${esc(t('from the pull request (fetched with your consent)'))}</span>`,
  }[s.descriptionSource];
  const others = s.coAuthors.map((p) => p.name || p.email).join(', ');
  const facts: [string, string][] = [
    [t('Merged'), esc(s.mergedAt.replace('T', ' '))],
    [t('How'), esc(s.pr ? t('{0} of pull request #{1} ({2})', how, s.pr.number, s.pr.provider) : how)],
    [t('Author'), esc(s.coAuthors.length ? t('{0}, with {1}', s.author.name, others) : s.author.name)],
    [t('Category'), esc(s.category)],
    [t('Size'), esc(t('{0}, +{1} −{2}', s.files === 1 ? t('1 file') : t('{0} files', s.files), s.insertions, s.deletions))],
  ];
  if (s.reviewLatencyHours !== null)
    facts.push([
      t('Review latency'),
      esc(
        s.latencyEstimated
          ? t('{0} h (estimated), first commit → merge', s.reviewLatencyHours)
          : t('{0} h, first commit → merge', s.reviewLatencyHours),
      ),
    ]);
  if (typeof s.waitingForFirstReviewHours === 'number') facts.push([t('Waiting for first review'), `${s.waitingForFirstReviewHours} h`]);
  if (typeof s.reviewToMergeHours === 'number') facts.push([t('First review → merge'), `${s.reviewToMergeHours} h`]);
  if (s.reviewerLogins?.length) facts.push([t('Reviewers'), esc(s.reviewerLogins.join(', '))]);
  if (s.tags.length) facts.push([t('Complexity exposure'), esc(s.tags.join(', '))]);
  facts.push([s.commits.length > 1 ? t('Commits') : t('Commit'), s.commits.map((c) => `<code>${esc(c.slice(0, 12))}</code>`).join(' ')]);
  const paragraphs = s.description
    .trim()
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`);
  const button = (type: DetailsMessage['type'], label: string, primary = false) =>
    `<button type="button" data-action="${type}"${primary ? ' class="primary"' : ''}>${esc(label)}</button>`;
  const actions = decided
    ? `<p class="decided">${esc(decided)}</p>`
    : [
        button('accept', t('Accept: Add to Brag Document'), true),
        button('acceptAndEdit', t('Accept and Edit')),
        button('dismiss', t('Dismiss')),
        s.pr?.url ? button('openPullRequest', t('Open Pull Request')) : '',
        button('newStory', t('New STAR Story')),
      ].join('');
  const files = s.paths.map((p) => `<li><code>${esc(p)}</code></li>`).join('');
  const more = s.files > s.paths.length ? `<li>${esc(t('… and {0} more', s.files - s.paths.length))}</li>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${webviewCsp(res.cspSource)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${esc(res.styleUri)}">
<title>${esc(s.title)}</title>
</head>
<body>
<h1>${esc(s.title)}</h1>
<div class="actions" role="toolbar" aria-label="${esc(t('Decide'))}">${actions}</div>
<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>${esc(t('Description'))}${source}</h2>
${paragraphs.length ? paragraphs.join('\n') : `<p class="none">${esc(t('No description.'))}</p>`}
${s.paths.length ? `<h2>${esc(t('Files'))}</h2><ul>${files}${more}</ul>` : ''}
<p class="hint">${esc(t('For your brag document: what changed because of this work? After accepting, add the result with a number (time saved, errors avoided, users reached).'))}</p>
<script src="${esc(res.scriptUri)}"></script>
</body>
</html>
`;
}

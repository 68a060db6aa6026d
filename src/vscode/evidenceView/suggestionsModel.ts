import { DayRange, periodOf, quarterOf } from '../../core/evidence/quarters';
import { GroupBy } from '../../core/index/viewModel';
import { Category } from '../../core/git/conventional';
import { CATEGORY_LABELS } from '../../core/journal/bragEntry';
import { Suggestion, matchesFilter } from '../../core/git/suggestions';
import { maintenanceKind } from '../../core/report/maintenance';
import { FETCH_PULL_REQUESTS_COMMAND, SET_IDENTITIES_COMMAND, SHOW_ALL_MERGED_WORK_COMMAND } from '../shared/commandIds';
import { Translate } from '../shared/translate';
import { UnavailableCause } from '../shared/unavailableCause';
import { ActionRow, CHANGE_ICONS, MessageRow, SuggestionGroupRow, SuggestionRow, TreeRow } from './rowsModel';

// The rows of the Suggestions group, computed without VS Code from the Suggestions list as the
// MergedWork service published it and the view's grouping and filter.

/** One workspace folder's part of the Suggestions list: its pending suggestions, or why there are none. */
export type FolderSuggestionsView = { readonly folderUri: string; readonly folderName: string } & (
  | {
      readonly state: 'ready';
      readonly pending: readonly Suggestion[];
      /** Commits by addresses that look like the user's (their name, another address): not counted as theirs. */
      readonly lookalikeCommits?: number;
      /** Pull requests' details: to be asked for (once), to sign in for, or why fetching stopped. */
      readonly pullRequests?:
        { readonly offer: 'ask' | 'signIn'; readonly host: string } | { readonly stopped: string; readonly host: string };
    }
  | { readonly state: 'unavailable'; readonly reason: string; readonly cause: UnavailableCause }
);

/** The Suggestions list as the view reads it. */
export interface SuggestionsView {
  /** Each folder's part as last mined; undefined before the first mine finished. */
  readonly folders: readonly FolderSuggestionsView[] | undefined;
  /** True while a mine runs (the first one, or a rescan). */
  readonly mining: boolean;
  /** The merge dates shown (inclusive local days), null for all history. */
  readonly range: DayRange | null;
}

/** The Suggestions group's rows, and how many suggestions they show (upkeep left out). */
export interface SuggestionsRows {
  readonly rows: readonly TreeRow[];
  /** Suggestions shown (in the range and filter), the Maintenance group's left out; undefined before the first mine. */
  readonly shown: number | undefined;
}

const words = (text: string | undefined) => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** True when every word appears in the suggestion's title, tags, category, PR number or short sha. */
function matchesWords(s: Suggestion, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  const hay = [s.title, s.category, ...s.tags, s.pr ? `#${s.pr.number}` : '', s.sha.slice(0, 7)].join(' ').toLowerCase();
  return wanted.every((w) => hay.includes(w));
}

/**
 * The Suggestions group's rows: a "Reading merged work…" row while mining, why a folder has none
 * (as an action row where one click helps: set identities, manage workspace trust), the range
 * shown ("2025-Q4: 3 of 271 — Show all") when it is not all history, then the suggestions —
 * grouped by quarter of merge (newest first) when the view groups by quarter, by category when by
 * kind or tag, flat when by status; newest first within — and the Maintenance group last.
 * Suggestions follow the filter's words; status and Mine Only do not apply (they are all the user's).
 */
export function suggestionRows(t: Translate, view: SuggestionsView, groupBy: GroupBy, filterText: string | undefined): SuggestionsRows {
  const rows: TreeRow[] = [];
  if (view.mining || !view.folders)
    rows.push({
      type: 'message',
      id: 'suggestions:loading',
      label: t('Reading merged work…'),
      icon: 'loading~spin',
      collapsible: 'none',
      contextValue: 'message',
    });
  if (!view.folders) return { rows, shown: undefined };
  const multi = view.folders.length > 1;
  const work: { folderUri: string; s: Suggestion }[] = [];
  const upkeep: SuggestionRow[] = [];
  for (const f of view.folders) {
    if (f.state === 'unavailable') {
      rows.push(unavailableRow(t, f, multi));
      continue;
    }
    if (f.pullRequests) rows.push(pullRequestsRow(t, f.folderUri, f.pullRequests, multi ? `${f.folderName}: ` : ''));
    if (f.lookalikeCommits)
      rows.push(
        // Short enough for a narrow sidebar: the tooltip says the rest.
        action(
          `suggestions:lookalikes:${f.folderUri}`,
          (multi ? `${f.folderName}: ` : '') +
            (f.lookalikeCommits === 1 ? t('1 more commit may be yours') : t('{0} more commits may be yours', f.lookalikeCommits)),
          'person-add',
          {
            description: t('another address'),
            tooltip: t(
              '{0} commits under your name come from addresses that are not among your identities, so they are not counted as yours. Click to choose which addresses are you.',
              f.lookalikeCommits,
            ),
            contextValue: 'action.lookalikes',
            command: SET_IDENTITIES_COMMAND,
            arguments: [f.folderUri],
          },
        ),
      );
    for (const s of f.pending) {
      // Sync merges, releases and version bumps are nobody's brag: kept apart, one click away.
      if (maintenanceKind(s) === null) work.push({ folderUri: f.folderUri, s });
      else upkeep.push(suggestionRow(f.folderUri, s));
    }
  }
  const range = view.range;
  const inRange = range ? work.filter((w) => matchesFilter(w.s, { authors: 'all', since: range.since, until: range.until })) : work;
  const wanted = words(filterText);
  const shown = inRange.filter((w) => matchesWords(w.s, wanted)).sort((a, b) => b.s.mergedAt.localeCompare(a.s.mergedAt));
  if (range)
    rows.push(
      action('suggestions:range', t('{0}: {1} of {2}', periodOf(range).label, inRange.length, work.length), 'calendar', {
        description: t('Show all'),
        tooltip: t('Merged work of {0} – {1} is shown. Click to show all history.', range.since, range.until),
        contextValue: 'action.range',
        command: SHOW_ALL_MERGED_WORK_COMMAND,
      }),
    );
  if (wanted.length > 0 && shown.length < inRange.length)
    rows.push(message(t('Filtered: {0} of {1}', shown.length, inRange.length), 'suggestions:filtered', 'filter'));
  if (shown.length === 0 && work.length === 0 && view.folders.some((f) => f.state === 'ready') && !view.mining)
    rows.push(message(t('No merged work of yours found yet.')));
  rows.push(...grouped(t, shown, groupBy));
  if (upkeep.length > 0)
    rows.push({
      type: 'suggestionGroup',
      id: 'suggestions:maintenance',
      label: t('Maintenance'),
      description: String(upkeep.length),
      icon: 'tools',
      collapsible: 'collapsed',
      contextValue: 'maintenance',
      rows: upkeep,
    });
  return { rows, shown: shown.length };
}

function grouped(t: Translate, shown: readonly { folderUri: string; s: Suggestion }[], groupBy: GroupBy): TreeRow[] {
  if (groupBy === 'status' || shown.length === 0) return shown.map((w) => suggestionRow(w.folderUri, w.s));
  const groups = new Map<string, SuggestionRow[]>();
  for (const w of shown) {
    const key = groupBy === 'quarter' ? quarterOf(w.s.mergedAt.slice(0, 10)) : w.s.category;
    let members = groups.get(key);
    if (!members) groups.set(key, (members = []));
    members.push(suggestionRow(w.folderUri, w.s));
  }
  // One category is no grouping (quarters are: they say when).
  if (groupBy !== 'quarter' && groups.size === 1) return shown.map((w) => suggestionRow(w.folderUri, w.s));
  // Quarters newest first (the suggestions are); categories by size, the largest first.
  const keys = [...groups.keys()];
  if (groupBy !== 'quarter') keys.sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b));
  return keys.map((key, i): SuggestionGroupRow => ({
    type: 'suggestionGroup',
    id: `suggestions:${groupBy === 'quarter' ? 'quarter' : 'category'}:${key}`,
    label: groupBy === 'quarter' ? key : t(CATEGORY_LABELS[key as Category] ?? key),
    description: String(groups.get(key)!.length),
    icon: groupBy === 'quarter' ? 'calendar' : 'symbol-enum',
    // The newest quarter (or largest category) open: the user's latest work on the first screen.
    collapsible: i === 0 ? 'expanded' : 'collapsed',
    contextValue: 'suggestionGroup',
    rows: groups.get(key)!,
  }));
}

/** A suggestion's row: title, then PR number (or short sha), merge day and tags. */
export function suggestionRow(folderUri: string, s: Suggestion): SuggestionRow {
  return {
    type: 'suggestion',
    id: `suggestion:${folderUri}:${s.sha}`,
    folderUri,
    suggestion: s,
    label: s.title,
    description: [s.pr ? `#${s.pr.number}` : s.sha.slice(0, 7), s.mergedAt.slice(0, 10), ...s.tags].join(' · '),
    icon: CHANGE_ICONS[s.kind],
    collapsible: 'collapsed',
    // Inline actions: Accept, Dismiss, and Open PR when the remote gives a web address.
    contextValue: s.pr?.url ? 'suggestion.pr' : 'suggestion',
  };
}

function unavailableRow(t: Translate, f: Extract<FolderSuggestionsView, { state: 'unavailable' }>, multi: boolean): TreeRow {
  const prefix = (text: string) => (multi ? `${f.folderName}: ${text}` : text);
  if (f.cause === 'identity')
    return action(`suggestions:identity:${f.folderUri}`, prefix(t('Who are you? Set your e-mail addresses…')), 'account', {
      tooltip: t(f.reason),
      contextValue: 'action.identity',
      command: SET_IDENTITIES_COMMAND,
      arguments: [f.folderUri],
    });
  if (f.cause === 'restricted')
    return action(`suggestions:restricted:${f.folderUri}`, prefix(t('Restricted Mode: trust this folder to read merged work…')), 'shield', {
      tooltip: t(f.reason),
      contextValue: 'action.trust',
      command: 'workbench.trust.manage',
    });
  return message(prefix(t(f.reason)), `message:${f.folderUri}`);
}

/** The offer to fetch pull requests' details (asked once per repository), the sign-in it needs, or why fetching stopped. */
function pullRequestsRow(
  t: Translate,
  folderUri: string,
  p: NonNullable<Extract<FolderSuggestionsView, { state: 'ready' }>['pullRequests']>,
  prefix: string,
): TreeRow {
  if ('stopped' in p) return message(prefix + t('{0}: {1}', p.host, p.stopped), `suggestions:pullRequests:${folderUri}`, 'warning');
  return action(
    `suggestions:pullRequests:${folderUri}`,
    prefix +
      (p.offer === 'ask'
        ? t('Fetch descriptions and reviews of your pull requests from {0}?', p.host)
        : t('Sign in to {0} to fetch your pull requests…', p.host)),
    p.offer === 'ask' ? 'cloud-download' : 'sign-in',
    {
      tooltip: t(
        'Only with your yes: the descriptions, review times and reviewers of your merged pull requests are fetched from {0} and kept on this machine. Nothing else is sent.',
        p.host,
      ),
      contextValue: 'action.pullRequests',
      command: FETCH_PULL_REQUESTS_COMMAND,
      arguments: [folderUri],
    },
  );
}

/** A row that runs `command` when clicked. */
function action(
  id: string,
  label: string,
  icon: string,
  rest: Pick<ActionRow, 'contextValue' | 'command'> & Partial<Pick<ActionRow, 'tooltip' | 'arguments' | 'description'>>,
): ActionRow {
  return { type: 'action', id, label, icon, collapsible: 'none', ...rest };
}

function message(text: string, id = `message:${text}`, icon = 'info'): MessageRow {
  return { type: 'message', id, label: text, icon, collapsible: 'none', contextValue: 'message' };
}

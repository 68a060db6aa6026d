import { stringify } from 'yaml';
import { headings, sectionOf, toLines } from '../documents/markdown';
import { Suggestion } from '../git/suggestions';
import { KINDS } from '../evidence/kinds';
import { slugify } from '../naming/fileName';
import { BragEntry } from './bragEntry';

/** The kinds of document a STAR story can be started from. */
export const STORY_DOCUMENT_KINDS = ['brag', 'postmortem', 'decision'] as const;
/** One of {@link STORY_DOCUMENT_KINDS}. */
export type StoryDocumentKind = (typeof STORY_DOCUMENT_KINDS)[number];

/** What a STAR story is started from: a document (brag entry, postmortem, decision record) or a suggestion. */
export type StorySource =
  | { kind: StoryDocumentKind; title: string; text: string; path: string; repo: string }
  | { kind: 'suggestion'; suggestion: Suggestion; repo: string };

/** Placeholders of the parts a source cannot fill: the story stays incomplete until they are written. */
const TODO = {
  situation: '{Context, scale and constraints.}',
  task: '{What you were responsible for, and the tradeoff at stake.}',
  action: '{What you did — "I", not "we": your decisions and the tradeoffs you weighed.}',
  result: '{What changed, with a number.}',
} as const;

/** Sections read for each part, by source kind, first found wins (headings as adr-tools, MADR, our templates and postmortems write them). */
const SECTIONS: Readonly<Record<StoryDocumentKind, Readonly<Record<keyof typeof TODO, readonly string[]>>>> = {
  brag: { situation: ['Situation', 'Context'], task: ['Task'], action: ['What I did', 'Action'], result: ['Impact', 'Result'] },
  decision: {
    situation: ['Context and Problem Statement', 'Context'],
    task: ['Decision Drivers', 'Considered Options'],
    action: ['Decision Outcome', 'Decision'],
    result: [],
  },
  postmortem: { situation: ['Summary', 'Impact'], task: ['Root cause', 'Root Cause'], action: ['Resolution', 'Action items'], result: [] },
};

/**
 * A STAR story started from `src`, as a journal entry (`stories/YYYY-MM-DD-slug.md`): Situation from
 * the PR description or the record's context (a description built from the branch's commits goes
 * into the Action instead, as the steps taken), Task from its decision drivers, Action from the
 * person's change (its title and files) or the record's decision, Result from a brag entry's
 * impact — each part a source cannot give keeps its placeholder, so the story stays incomplete
 * until it is written. The receipts go in front matter (`source`, `repo`, `commit`, `pr`). Pure.
 * @param date local calendar day, `YYYY-MM-DD`.
 */
export function storyFrom(src: StorySource, date: string): BragEntry {
  const parts: Record<keyof typeof TODO, string> = { ...TODO };
  const fm: Record<string, unknown> = { 'career-kind': 'star', 'career-schema': 1, status: 'draft', date, repo: src.repo };
  let title: string;
  if (src.kind === 'suggestion') {
    const s = src.suggestion;
    title = s.title;
    // A PR's description says why (the Situation); its branch's commits say what was done (the Action).
    const fromBranch = s.descriptionSource === 'branch-commits';
    if (s.description.trim() && !fromBranch) parts.situation = s.description.trim();
    const files = s.paths.slice(0, 5).map((p) => `\`${p}\``);
    const steps = fromBranch ? `\n\nThe steps, from the branch's commits:\n\n${s.description.trim()}` : '';
    parts.action = `I ${s.kind === 'commit' ? 'committed' : 'merged'} “${s.title}”: ${s.files} file${s.files === 1 ? '' : 's'} (${files.join(', ')}${s.paths.length > 5 ? ', …' : ''}).${steps}\n\n${TODO.action}`;
    fm['commit'] = s.sha;
    if (s.pr) fm['pr'] = s.pr.url ?? `#${s.pr.number}`;
  } else {
    title = src.title;
    const body = toLines(src.text);
    const outline = headings(body);
    for (const part of Object.keys(TODO) as (keyof typeof TODO)[]) {
      for (const name of SECTIONS[src.kind][part]) {
        const text = (sectionOf(body, outline, name) ?? [])
          .map((l) => l.text)
          .join('\n')
          .replace(/\{[^{}]*\}/g, '')
          .trim();
        if (text) {
          parts[part] = text;
          break;
        }
      }
    }
    fm['source'] = src.path;
    fm['source-kind'] = src.kind;
  }
  const text = `---\n${stringify(fm, { lineWidth: 0 })}---\n\n# ${title}\n\n## Situation\n\n${parts.situation}\n\n## Task\n\n${parts.task}\n\n## Action\n\n${parts.action}\n\n## Result\n\n${parts.result}\n`;
  return { path: `${KINDS.star.newFolder}/${date}-${slugify(title)}.md`, text };
}

import { stringify } from 'yaml';
import { DocumentFormat, EvidenceKind } from '../evidence/model';

/** Values a template is filled with. */
export interface TemplateValues {
  /** Cleaned title (see `cleanTitle`). */
  title: string;
  /** Number of the document, or null for date-named formats (log4brains). */
  number: number | null;
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** `git config user.name`, or null when unknown. */
  author: string | null;
}

/** The kinds "New Design Doc" offers, with labels and descriptions for pickers and help text. */
export const NEW_DOCUMENT_KINDS: readonly { kind: EvidenceKind; label: string; description: string }[] = [
  { kind: 'decision', label: 'ADR', description: 'Architecture decision record — in the repo’s ADR convention (adr-tools, MADR, log4brains)' },
  { kind: 'rfc', label: 'RFC', description: 'Request for comments: a proposal others review before it is built' },
  { kind: 'tradeoff', label: 'Tradeoff note', description: 'Options scored on impact, effort, reusability and learnings' },
];

/**
 * Renders a new document of `kind` in `format`. Decisions follow the folder's convention:
 * adr-tools (Nygard's template as adr-tools ships it), log4brains (bullet metadata), else MADR 4.0
 * (YAML front matter `status`, `date`, `decision-makers`). RFCs and tradeoff notes are our own
 * format: front matter with `career-kind` and `career-schema: 1`.
 */
export function renderTemplate(kind: EvidenceKind, format: DocumentFormat, v: TemplateValues): string {
  if (kind === 'decision') {
    if (format === 'adr-tools') return adrTools(v);
    if (format === 'log4brains') return log4brains(v);
    return madr4(v);
  }
  return kind === 'rfc' ? rfc(v) : tradeoff(v);
}

function frontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

function adrTools(v: TemplateValues): string {
  return `# ${v.number ?? 1}. ${v.title}

Date: ${v.date}

## Status

Proposed

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`;
}

function madr4(v: TemplateValues): string {
  const fm: Record<string, unknown> = { status: 'proposed', date: v.date };
  if (v.author) fm['decision-makers'] = v.author;
  return `${frontMatter(fm)}
# ${v.title}

## Context and Problem Statement

{Describe the context and problem statement in two or three sentences. You may articulate the problem as a question.}

## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}
* {decision driver 2}

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification}.

### Consequences

* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}
* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}

### Confirmation

{Describe how the implementation of this decision is confirmed: a review, a test, a metric.}

## Pros and Cons of the Options

### {title of option 1}

* Good, because {argument a}
* Bad, because {argument b}

### {title of option 2}

* Good, because {argument a}
* Bad, because {argument b}
`;
}

function log4brains(v: TemplateValues): string {
  return `# ${v.title}

- Status: proposed
- Deciders: ${v.author ?? '{list everyone involved in the decision}'}
- Date: ${v.date}

## Context and Problem Statement

{Describe the context and problem statement in two or three sentences.}

## Considered Options

- {option 1}
- {option 2}

## Decision Outcome

Chosen option: "{option 1}", because {justification}.

### Positive Consequences

- {e.g., improvement of quality attribute satisfaction, follow-up decisions required, …}

### Negative Consequences

- {e.g., compromising quality attribute, follow-up decisions required, …}
`;
}

function ours(kind: EvidenceKind, status: string, v: TemplateValues): string {
  const fm: Record<string, unknown> = { 'career-kind': kind, 'career-schema': 1, status, date: v.date };
  if (v.author) fm['authors'] = [v.author];
  return frontMatter(fm);
}

function rfc(v: TemplateValues): string {
  return `${ours('rfc', 'draft', v)}
# ${v.title}

## Summary

{One paragraph: what you propose and the result it should change.}

## Motivation

{Why now? Who is affected, and what does it cost today? Use numbers where you have them.}

## Proposed design

{How it works, in enough detail for a reviewer to find the weak spots.}

## Drawbacks

{Why should we not do this?}

## Alternatives considered

{What else was weighed, and why it lost.}

## Prior art

{How others solved this, inside or outside the company.}

## Unresolved questions

* {question to settle during review}

## Rollout

{Phases, flags, migration, how we will know it worked, how to roll back.}
`;
}

function tradeoff(v: TemplateValues): string {
  return `${ours('tradeoff', 'proposed', v)}
# ${v.title}

## The question

{What must be decided, by when, and who decides.}

## Options

1. {option A}
2. {option B}

## Criteria

Each criterion is scored 1–5 (5 is best; for effort, 5 means least effort). Impact is weighted highest.

| Criterion   | Weight |
|-------------|-------:|
| Impact      |      3 |
| Effort      |      1 |
| Reusability |      1 |
| Learnings   |      1 |

## Scores

Total = 3 × Impact + Effort + Reusability + Learnings (at most 30).

| Option     | Impact | Effort | Reusability | Learnings | Total |
|------------|-------:|-------:|------------:|----------:|------:|
| {option A} |      3 |      3 |           3 |         3 |    18 |
| {option B} |      3 |      3 |           3 |         3 |    18 |

## Decision

{The option chosen and the deciding reason.}

## Risk if we ignore it

{What happens if nobody decides.}
`;
}

import { stringify } from 'yaml';
import { addDays } from '../evidence/dates';
import { EVIDENCE_KINDS, KINDS } from '../evidence/kinds';
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
export const NEW_DOCUMENT_KINDS: readonly { kind: EvidenceKind; label: string; description: string }[] = EVIDENCE_KINDS.filter(
  (k) => !KINDS[k].journal,
).map((kind) => ({
  kind,
  label: KINDS[kind].label,
  description: KINDS[kind].description,
}));

/**
 * Renders a new document of `kind` in `format`. Decisions follow the folder's convention:
 * adr-tools (Nygard's template as adr-tools ships it), log4brains (bullet metadata), else MADR 4.0
 * (YAML front matter `status`, `date`, `decision-makers`), or MADR 2.x bullets where the folder
 * writes them (`style.madrBullets`). The other kinds are our own format:
 * front matter with the MADR keys (`status`, `date`, `decision-makers`, `consulted`, `informed`,
 * `tags`) plus `career-kind` and `career-schema: 1`.
 */
export function renderTemplate(
  kind: EvidenceKind,
  format: DocumentFormat,
  v: TemplateValues,
  style: { madrBullets?: boolean } = {},
): string {
  switch (kind) {
    case 'decision':
      if (format === 'adr-tools') return adrTools(v);
      if (format === 'log4brains') return log4brains(v);
      return style.madrBullets ? madr2(v) : madr4(v);
    case 'rfc':
      return rfc(v);
    case 'design':
      return design(v);
    case 'tradeoff':
      return tradeoff(v);
    case 'postmortem':
      return postmortem(v);
    case 'log':
      return engineeringLog(v);
    case 'growth':
      return growth(v);
    case 'brag':
      return `${ours('brag', v)}\n# ${v.title}\n\n## What I did\n\n{…}\n\n## Impact\n\n{What changed because of this work? Give the number.}\n`;
    case 'star':
      return star(v);
  }
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

function madr2(v: TemplateValues): string {
  return `# ${v.title}

* Status: proposed
* Deciders: ${v.author ?? '{list everyone involved in the decision}'}
* Date: ${v.date}

## Context and Problem Statement

{Describe the context and problem statement in two or three sentences.}

## Decision Drivers

* {driver 1}

## Considered Options

* {option 1}
* {option 2}

## Decision Outcome

Chosen option: "{option 1}", because {justification}.

## Pros and Cons of the Options

### {option 1}

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

/** Our front matter: MADR's keys plus `career-kind` and `career-schema` (version of these keys). */
function ours(kind: EvidenceKind, v: TemplateValues, extra: Record<string, unknown> = {}): string {
  return frontMatter({
    'career-kind': kind,
    'career-schema': 1,
    status: KINDS[kind].initialStatus,
    date: v.date,
    'decision-makers': v.author ? [v.author] : [],
    consulted: [],
    informed: [],
    tags: [],
    ...extra,
  });
}

function rfc(v: TemplateValues): string {
  return `${ours('rfc', v)}
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
  return `${ours('tradeoff', v)}
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

function design(v: TemplateValues): string {
  return `${ours('design', v)}
# ${v.title}

## Context and scope

{What exists today, what this design covers, and what it does not touch.}

## Goals and non-goals

* Goal: {a result that can be checked}
* Non-goal: {something reasonable that this design deliberately does not do}

## Design

{The design, with a diagram or the key interfaces and data shapes.}

## Alternatives considered

{Other designs, and why this one wins on the goals above.}

## Cross-cutting concerns

* Security: {threats, authentication, authorisation, secrets}
* Privacy: {personal data collected, kept, deleted}
* Observability: {metrics, logs, traces, alerts that tell us it works}
* Operability: {deployment, rollback, on-call, runbooks}

## Risks

| Risk | Likelihood | Impact | Mitigation |
|------|-----------|--------|------------|
| {risk} | {low/medium/high} | {low/medium/high} | {what we do about it} |
`;
}

function postmortem(v: TemplateValues): string {
  return `${ours('postmortem', v)}
# ${v.title}

<!-- Blameless: describe what happened and why the system allowed it, not who is at fault.
     Assume everyone acted in good faith with the information they had at the time. -->

## Summary

{Two or three sentences: what broke, for whom, for how long.}

## Impact

{Users or customers affected, requests failed, money or data lost, SLOs burned — with numbers.}

## Timeline

All times {time zone}.

| Time | Event |
|------|-------|
| {HH:MM} | {detection, decision, action} |

## Root cause and contributing factors

{The technical cause, and the conditions that let it reach production.}

## Resolution

{What stopped the impact, and what restored normal service.}

## What went well

* {…}

## What went badly

* {…}

## Where we got lucky

* {…}

## Action items

| Action | Owner | Due | Issue |
|--------|-------|-----|-------|
| {prevent / detect / mitigate …} | {name} | {YYYY-MM-DD} | {link} |
`;
}

function engineeringLog(v: TemplateValues): string {
  return `${ours('log', v)}
# ${v.title}

## I proposed

{X — what you proposed, and to whom.}

## It did not move because

{Y — the blocker: priorities, risk, missing data, missing owner.}

## So I did

{Z — what you did instead, and what it changed.}

## Links

* {PR, ticket, thread, document}
`;
}

function growth(v: TemplateValues): string {
  return `${ours('growth', v, { horizon: addDays(v.date, 90) })}
# ${v.title}

## Goal

{The capability you want to have in 90 days, stated so someone else can check it.}

## Key concepts

* {concept to learn}

## Implementation plan

1. {first step, with a date}

## Metrics of success

* {how you and your manager will know — with a number}

## Post-mortem notes

{At the horizon: what worked, what did not, what is next.}
`;
}

function star(v: TemplateValues): string {
  return `${ours('star', v)}
# ${v.title}

## Situation

{Context, scale and constraints.}

## Task

{What you were responsible for.}

## Action

{What you did — your decisions and the tradeoffs you weighed.}

## Result

{What changed, with a number.}
`;
}

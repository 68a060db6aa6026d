/** Targets of the quarterly benchmark and the gaps below them, each with the smallest legitimate next step (DOMAIN.md). */

/** Where the benchmark wants each form to be (journal `career-evidence.yml` `benchmark.targets`, `--target FORM=N`). */
export interface BenchmarkTargets {
  /** Ownership events, at least. */
  ownership: number;
  /** Design artifacts, at least. */
  designArtifacts: number;
  /** Median review latency, at most (hours). */
  reviewLatencyMedianHours: number;
  /** Distinct complexity-exposure tags touched, at least. */
  complexityExposure: number;
  /** Ready STAR stories, at least. */
  interviewStories: number;
}

/** The targets when none are set. */
export const DEFAULT_TARGETS: Readonly<BenchmarkTargets> = {
  ownership: 1,
  designArtifacts: 1,
  reviewLatencyMedianHours: 72,
  complexityExposure: 3,
  interviewStories: 3,
};

/** The five forms, by their JSON names (`forms.<name>`). */
export type BenchmarkForm = 'ownership' | 'designArtifacts' | 'reviewLatency' | 'complexityExposure' | 'interviewStories';

/** A form below its target, said plainly, with an action the extension can start (the CLI prints it). */
export interface Gap {
  form: BenchmarkForm;
  message: string;
  action: {
    title: string;
    /** An extension command id (`careerEvidence.…`). */
    command: string;
    /** Its argument, when it takes one (New Design Doc: `{ kind }`). */
    args?: Record<string, string>;
  };
}

/** What the gaps are computed from: the period's figures. */
export interface GapFigures {
  ownership: number;
  designArtifacts: number;
  reviewLatencyMedianHours: number | null;
  /** Distinct tags touched, and the six never touched. */
  complexityExposure: number;
  untouched: readonly string[];
  readyStories: number;
  incompleteStories: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The gaps of a period's figures against `targets`, in the order of the five forms. Pure. */
export function benchmarkGaps(f: GapFigures, targets: BenchmarkTargets): Gap[] {
  const gaps: Gap[] = [];
  if (f.ownership < targets.ownership)
    gaps.push({
      form: 'ownership',
      message: `${plural(f.ownership, 'ownership event')} (target ${targets.ownership}): nothing shows a problem you owned end to end.`,
      action: {
        title:
          'Ask for one ownership opportunity with a clear boundary: a growth card with the problem, scope, decision rights and success criteria',
        command: 'careerEvidence.newDesignDoc',
        args: { kind: 'growth' },
      },
    });
  if (f.designArtifacts < targets.designArtifacts)
    gaps.push({
      form: 'designArtifacts',
      message: `${plural(f.designArtifacts, 'design artifact')} (target ${targets.designArtifacts}).`,
      action: {
        title:
          'Write one short tradeoff note for a real issue: what you found, the tradeoffs, the smallest useful version, the risk if it is ignored',
        command: 'careerEvidence.newDesignDoc',
        args: { kind: 'tradeoff' },
      },
    });
  if (f.reviewLatencyMedianHours === null)
    gaps.push({
      form: 'reviewLatency',
      message: 'No review latency measured: no merged change of yours went through a branch or pull request in this period.',
      action: { title: 'Scan your merged work to measure review latency', command: 'careerEvidence.scanMergedWork' },
    });
  else if (f.reviewLatencyMedianHours > targets.reviewLatencyMedianHours)
    gaps.push({
      form: 'reviewLatency',
      message: `Median review latency ${f.reviewLatencyMedianHours} h is above ${targets.reviewLatencyMedianHours} h: waits this long block learning.`,
      action: {
        title: 'Raise it as a system issue, with data: an engineering-log entry listing the slowest changes',
        command: 'careerEvidence.newDesignDoc',
        args: { kind: 'log' },
      },
    });
  if (f.complexityExposure < targets.complexityExposure)
    gaps.push({
      form: 'complexityExposure',
      message: `${plural(f.complexityExposure, 'exposure area')} touched (target ${targets.complexityExposure}); never: ${f.untouched.join(', ') || 'none'}.`,
      action: {
        title: 'Build exposure deliberately (deployability, observability, failure handling): a growth card for one untouched area',
        command: 'careerEvidence.newDesignDoc',
        args: { kind: 'growth' },
      },
    });
  if (f.readyStories < targets.interviewStories)
    gaps.push({
      form: 'interviewStories',
      message: `${plural(f.readyStories, 'ready story', 'ready stories')} (target ${targets.interviewStories})${f.incompleteStories ? `, ${f.incompleteStories} incomplete` : ''}.`,
      action: { title: 'Write three stories, and mark where each lacks a number', command: 'careerEvidence.newStarStory' },
    });
  return gaps;
}

import safeRegex from 'safe-regex2';
import { parse as parseYaml } from 'yaml';
import { Problem } from '../evidence/model';

/**
 * Complexity exposure: which kinds of hard, career-relevant territory a change touched, read from
 * its changed paths and its message. Rules are data; a workspace can override them with
 * `.career-evidence/exposure.yml` (schema in {@link readExposureRules}).
 */
export interface ExposureRule {
  tag: string;
  /** Regular expressions (JavaScript syntax, case-insensitive) tested against each changed path (POSIX). */
  paths: RegExp[];
  /** Regular expressions tested against the title and description. */
  words: RegExp[];
}

const rx = (sources: string[]) => sources.map((s) => new RegExp(s, 'i'));

/** The built-in rules. */
export const DEFAULT_EXPOSURE_RULES: readonly ExposureRule[] = [
  {
    tag: 'production',
    paths: rx([
      '(^|/)Dockerfile[^/]*$',
      '(^|/)docker-compose[^/]*\\.ya?ml$',
      '(^|/)(k8s|kubernetes|helm|charts|deploy|deployment|infra|terraform)/',
      '\\.tf$',
      '^\\.github/workflows/',
      '(^|/)\\.gitlab-ci\\.yml$',
      '(^|/)Jenkinsfile$',
      '(^|/)azure-pipelines\\.ya?ml$',
      '(^|/)deploy[^/]*\\.(sh|ya?ml)$',
      '(^|/)Procfile$',
    ]),
    words: rx(['\\bdeploy(ment|s|ed)?\\b', '\\brollout\\b', '\\bkubernetes\\b', '\\bhelm\\b', '\\bterraform\\b', '\\brelease pipeline\\b']),
  },
  {
    tag: 'observability',
    paths: rx([
      '(^|/)(metrics|telemetry|tracing|monitoring|dashboards?|alerts?|alerting|observability)(/|\\.)',
      '(^|/)(logger|logging)(/|\\.)',
      'grafana',
      'prometheus',
    ]),
    words: rx([
      '\\bmetrics?\\b',
      '\\btracing\\b',
      '\\bopentelemetry\\b',
      '\\blogging\\b',
      '\\balert(s|ing)?\\b',
      '\\bdashboards?\\b',
      '\\bslos?\\b',
    ]),
  },
  {
    tag: 'security',
    paths: rx(['(^|/)(auth|authn|authz|security|crypto|permissions?|secrets?|oauth|acl)(/|\\.|_)', '(^|/)SECURITY\\.md$']),
    words: rx([
      '\\bsecurity\\b',
      '\\bvulnerab',
      '\\bcve-\\d{4}-\\d+',
      '\\bxss\\b',
      '\\bcsrf\\b',
      '\\bauth(entication|orization)?\\b',
      '\\bcrypto',
      '\\bpermissions?\\b',
      '\\bsecrets?\\b',
      '\\bsanitiz',
    ]),
  },
  {
    tag: 'performance',
    paths: rx(['(^|/)(bench|benchmarks?|perf|profiling)(/|\\.)', '(^|/)cache(/|\\.)']),
    words: rx([
      '\\bperf(ormance)?\\b',
      '\\bbenchmark',
      '\\bcach(e|ing)\\b',
      '\\blatency\\b',
      '\\bprofil(e|ing)\\b',
      '\\bfaster\\b',
      '\\bspeed up\\b',
      '\\bthroughput\\b',
    ]),
  },
  {
    tag: 'data',
    paths: rx(['(^|/)migrations?/', '(^|/)(schema|schemas)(/|\\.)', '\\.sql$', '(^|/)prisma/']),
    words: rx(['\\bmigrations?\\b', '\\bschema\\b', '\\bbackfill\\b', '\\bdatabase\\b']),
  },
  {
    tag: 'failure-handling',
    paths: rx(['(^|/)(retry|resilience|fallback|circuit[-_]?breaker)(/|\\.)', '(^|/)(postmortems?|incidents?)/']),
    words: rx([
      '\\bretr(y|ies)\\b',
      '\\btimeouts?\\b',
      '\\bcircuit breaker\\b',
      '\\bfallback\\b',
      '\\bincident\\b',
      '\\bpostmortem\\b',
      '\\boutage\\b',
      '\\bgraceful\\b',
    ]),
  },
];

/** How much of a change's text the word rules read: enough for any title and description, and a bound on a slow pattern. */
const MAX_TEXT = 20_000;

/**
 * Tags of the rules that match any changed path or the text (its first 20,000 characters), in rule order.
 * @param paths changed paths, POSIX, relative to the repository root.
 */
export function exposureTags(rules: readonly ExposureRule[], paths: readonly string[], text: string): string[] {
  const tags: string[] = [];
  const read = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const rule of rules) {
    if (rule.words.some((w) => w.test(read)) || paths.some((p) => rule.paths.some((r) => r.test(p)))) tags.push(rule.tag);
  }
  return tags;
}

/**
 * Reads `.career-evidence/exposure.yml`. Schema:
 * ```yaml
 * replaceDefaults: false        # true: only the rules below; false (default): merged with the built-in rules
 * rules:
 *   - tag: payments             # a new tag, or a built-in one to replace
 *     paths: ['^services/billing/']   # regular expressions on changed paths (case-insensitive)
 *     words: ['\bstripe\b']           # regular expressions on title and description
 * ```
 * Never throws: an invalid file yields the defaults and a problem naming what is wrong.
 */
export function readExposureRules(text: string, file = '.career-evidence/exposure.yml'): { rules: ExposureRule[]; problems: Problem[] } {
  const defaults = [...DEFAULT_EXPOSURE_RULES];
  const problem = (message: string) => ({ rules: defaults, problems: [{ path: file, line: null, message }] });
  let doc: unknown;
  try {
    doc = parseYaml(text, { logLevel: 'error' }); // problems are reported as ours, not as process warnings
  } catch (err) {
    return problem(`not valid YAML: ${(err as Error).message.split('\n')[0]}; built-in rules used`);
  }
  if (doc === null || doc === undefined) return { rules: defaults, problems: [] };
  const d = doc as { replaceDefaults?: unknown; rules?: unknown };
  if (typeof doc !== 'object' || !Array.isArray(d.rules)) return problem('expected a mapping with a `rules` list; built-in rules used');
  const custom: ExposureRule[] = [];
  for (const [i, r] of (d.rules as unknown[]).entries()) {
    const rule = r as { tag?: unknown; paths?: unknown; words?: unknown };
    if (typeof rule?.tag !== 'string' || !rule.tag.trim()) return problem(`rules[${i}] has no tag; built-in rules used`);
    const lists: RegExp[][] = [];
    for (const key of ['paths', 'words'] as const) {
      const v = rule[key] ?? [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        return problem(`rules[${i}].${key} must be a list of strings; built-in rules used`);
      // A repository's own pattern runs on every merged change: one that can backtrack
      // exponentially (nested repetition, `^(a+)+$`) would hang the miner, so it is refused.
      const unsafe = (v as string[]).find((source) => !safeRegex(source));
      if (unsafe !== undefined)
        return problem(`rules[${i}].${key}: "${unsafe}" can take exponential time (nested repetition); built-in rules used`);
      try {
        lists.push(rx(v as string[]));
      } catch (err) {
        return problem(`rules[${i}].${key}: ${(err as Error).message}; built-in rules used`);
      }
    }
    custom.push({ tag: rule.tag.trim(), paths: lists[0], words: lists[1] });
  }
  if (d.replaceDefaults === true) return { rules: custom, problems: [] };
  const merged = defaults.filter((x) => !custom.some((c) => c.tag === x.tag));
  return { rules: [...merged, ...custom], problems: [] };
}

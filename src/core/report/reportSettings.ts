import { Problem } from '../evidence/model';
import { readYamlMapping } from '../evidence/yamlFile';
import { BenchmarkTargets, DEFAULT_TARGETS } from './gaps';

/**
 * What a person's reports are computed with, kept in the journal's `career-evidence.yml` (outside
 * every repository), added to by the extension's settings of the same names and by CLI options:
 * ```yaml
 * identities: [dana@old-laptop.local]   # other e-mail addresses that are you
 * handles: [dana]                        # hosting handles (CODEOWNERS, decision-makers: "@dana")
 * repositories: [~/code/shop, ~/code/infra]
 * repositoriesRoot: ~/code               # searched two levels deep for git repositories
 * benchmark:
 *   targets: { ownership: 1, designArtifacts: 1, reviewLatencyMedianHours: 72, complexityExposure: 3, interviewStories: 3 }
 * level: { current: Senior, target: Staff }
 * ```
 */
export interface ReportSettings {
  identities: string[];
  handles: string[];
  /** Folders as written (`~` is the caller's to expand). */
  repositories: string[];
  repositoriesRoot: string | null;
  targets: Partial<BenchmarkTargets>;
  level: { current: string | null; target: string | null };
}

/** No settings at all. */
export const NO_REPORT_SETTINGS: ReportSettings = {
  identities: [],
  handles: [],
  repositories: [],
  repositoriesRoot: null,
  targets: {},
  level: { current: null, target: null },
};

/**
 * Reads the report settings of a `career-evidence.yml` text (`file` names it in problems). Never
 * throws: a bad value is left out with a problem, the others kept.
 */
export function readReportSettings(text: string, file: string): { settings: ReportSettings; problems: Problem[] } {
  const { data, problems } = readYamlMapping(text, file);
  if (data === null) return { settings: NO_REPORT_SETTINGS, problems };
  const problem = (message: string) => problems.push({ path: file, line: null, message });
  const strings = (key: string): string[] => {
    const v = data[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x: string) => x.trim()).filter(Boolean);
    problem(`${key}: expected a list of strings; left out`);
    return [];
  };
  const text1 = (v: unknown, key: string): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
    problem(`${key}: expected text; left out`);
    return null;
  };
  const targets: Partial<BenchmarkTargets> = {};
  const benchmark = data['benchmark'] as { targets?: unknown } | undefined;
  const given = benchmark && typeof benchmark === 'object' ? benchmark.targets : undefined;
  if (given && typeof given === 'object') {
    for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
      if (!(k in DEFAULT_TARGETS)) problem(`benchmark.targets.${k}: not a target (${Object.keys(DEFAULT_TARGETS).join(', ')}); left out`);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problem(`benchmark.targets.${k}: expected a number ≥ 0; left out`);
      else targets[k as keyof BenchmarkTargets] = v;
    }
  }
  const level = (data['level'] ?? {}) as Record<string, unknown>;
  return {
    settings: {
      identities: strings('identities'),
      handles: strings('handles').map((h) => h.replace(/^@/, '')),
      repositories: strings('repositories'),
      repositoriesRoot: text1(data['repositoriesRoot'], 'repositoriesRoot'),
      targets,
      level: { current: text1(level['current'], 'level.current'), target: text1(level['target'], 'level.target') },
    },
    problems,
  };
}

/**
 * Reads `--target FORM=N` values into targets.
 * @throws Error naming the first value that is not `FORM=N` with a known form and a number ≥ 0.
 */
export function readTargetOptions(values: readonly string[]): Partial<BenchmarkTargets> {
  const out: Partial<BenchmarkTargets> = {};
  for (const v of values) {
    const m = /^([A-Za-z]+)=(\d+(?:\.\d+)?)$/.exec(v.trim());
    if (!m || !(m[1] in DEFAULT_TARGETS))
      throw new Error(`--target wants FORM=N with FORM one of ${Object.keys(DEFAULT_TARGETS).join(', ')}, got "${v}"`);
    out[m[1] as keyof BenchmarkTargets] = Number(m[2]);
  }
  return out;
}

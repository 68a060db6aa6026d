/**
 * The environment of every git process we start, through simple-git (short commands) and through
 * our own spawn (streamed history reads) alike: the extension host's or the CLI's environment
 * without the ambient `GIT_*` variables (a `GIT_DIR`, `GIT_CONFIG_*` or `GIT_EXEC_PATH` set by
 * whatever started us must not redirect what git reads or runs) and without the variables that name
 * programs git would start (`EDITOR`, `VISUAL`, `PAGER`, `SSH_ASKPASS`) or move its configuration
 * (`PREFIX`) — the ones simple-git's environment guard refuses — with our own settings on top.
 * `GIT_TRACE` and its kin are kept: they only make git log what it runs, and tests rely on them to
 * see every git process started.
 */

/** Our own settings: never prompt for credentials, take no optional index locks. */
export const GIT_ENV: Readonly<Record<string, string>> = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

/** Ambient variables let through (diagnostics only). */
const KEPT = /^GIT_TRACE(_[A-Z0-9_]+)?$/;
/** Variables dropped besides `GIT_*` (compared in lower case). */
const DROPPED = new Set(['editor', 'visual', 'pager', 'ssh_askpass', 'prefix']);

/** The names of the `GIT_*` variables git processes get (what simple-git's environment guard is told to allow). */
export function allowedGitVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...Object.keys(GIT_ENV), ...Object.keys(env).filter((k) => KEPT.test(k))];
}

/** The environment for a git process (see the module's comment). */
export function gitEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if ((/^GIT_/i.test(k) && !KEPT.test(k)) || DROPPED.has(k.toLowerCase())) continue;
    out[k] = v;
  }
  return { ...out, ...GIT_ENV };
}

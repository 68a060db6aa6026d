import { execFile } from 'child_process';

/**
 * The CLI's token for `provider`: `GH_TOKEN` or `GITHUB_TOKEN` (GitHub), `GITLAB_TOKEN` (GitLab),
 * else what `gh auth token` / `glab auth token` prints when that tool is installed and signed in.
 * Null when there is none. The token is never logged or written anywhere by us.
 */
export async function cliToken(provider: 'github' | 'gitlab', env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const fromEnv = provider === 'github' ? env.GH_TOKEN || env.GITHUB_TOKEN : env.GITLAB_TOKEN;
  if (fromEnv?.trim()) return fromEnv.trim();
  const tool = provider === 'github' ? 'gh' : 'glab';
  return new Promise((resolve) => {
    // No shell; a fixed program and arguments.
    execFile(tool, ['auth', 'token'], { timeout: 10_000, windowsHide: true, env }, (err, stdout) => {
      const token = String(stdout ?? '').trim();
      resolve(!err && /^[\x21-\x7e]{8,}$/.test(token) ? token : null);
    });
  });
}

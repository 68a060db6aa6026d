import { PrProvider } from './mergeShapes';

/** A hosting service's web address for a repository, derived from its remote URL (no network). */
export interface RemoteWeb {
  provider: PrProvider;
  /** e.g. `https://github.com/expressjs/express` (no trailing slash). */
  base: string;
}

/**
 * Reads a remote URL in HTTPS or SSH form (`https://github.com/o/r.git`, `git@github.com:o/r.git`,
 * `ssh://git@gitlab.example.com:2222/g/sub/p.git`, `https://org@dev.azure.com/org/proj/_git/repo`,
 * `git@ssh.dev.azure.com:v3/org/proj/repo`, `https://org.visualstudio.com/proj/_git/repo`).
 * Returns null for local paths and unknown hosts.
 */
export function readRemoteUrl(url: string): RemoteWeb | null {
  const u = url.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(u);
  const full = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/.exec(u);
  if (full) [host, path] = [full[1], full[2]];
  else if (scp) [host, path] = [scp[1], scp[2]];
  else return null;
  host = host.toLowerCase();
  path = path.replace(/\.git$/, '').replace(/\/+$/, '');

  if (host === 'ssh.dev.azure.com') {
    const m = /^v3\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    return m ? { provider: 'azure', base: `https://dev.azure.com/${m[1]}/${m[2]}/_git/${m[3]}` } : null;
  }
  if (host === 'dev.azure.com') return /\/_git\//.test(path) ? { provider: 'azure', base: `https://dev.azure.com/${path}` } : null;
  if (host.endsWith('.visualstudio.com')) return /\/_git\//.test(path) ? { provider: 'azure', base: `https://${host}/${path}` } : null;
  if (host === 'github.com' || host.startsWith('github.')) return { provider: 'github', base: `https://${host}/${path}` };
  if (host === 'bitbucket.org' || host.startsWith('bitbucket.')) return { provider: 'bitbucket', base: `https://${host}/${path}` };
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return { provider: 'gitlab', base: `https://${host}/${path}` };
  return null;
}

/** Web URL of pull request `n` on `remote`. */
export function pullRequestUrl(remote: RemoteWeb, n: number): string {
  switch (remote.provider) {
    case 'github':
      return `${remote.base}/pull/${n}`;
    case 'gitlab':
      return `${remote.base}/-/merge_requests/${n}`;
    case 'bitbucket':
      return `${remote.base}/pull-requests/${n}`;
    case 'azure':
      return `${remote.base}/pullrequest/${n}`;
  }
}

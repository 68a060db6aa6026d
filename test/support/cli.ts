import { spawnSync } from 'child_process';
import { CLI } from './paths';

/** Runs the built CLI (dist/cli.js) as a user would, from `cwd`; output is captured whole. */
export function cli(args: string[], cwd = process.cwd(), extraEnv: NodeJS.ProcessEnv = {}) {
  const env = { ...process.env, ...extraEnv };
  delete env.INIT_CWD; // as when run directly, not through npm
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 512 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

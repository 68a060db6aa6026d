import { FSWatcher, watch } from 'fs';
import * as path from 'path';

/** Stops a watcher. */
export interface Closable {
  close(): void;
}

/** Debounce for bursts of ref updates (a commit writes HEAD, logs/HEAD and a branch ref). */
export const HEAD_DEBOUNCE_MS = 500;

/**
 * Watches a repository's git directory for commits, merges, pulls and fetches made anywhere (VS Code,
 * a terminal, another tool): `HEAD`, `logs/HEAD`, `refs/heads/*` and `refs/remotes/origin/*`, with
 * non-recursive watchers (never the object store), ignoring `*.lock` files, debounced. Folders that
 * do not exist (yet) are skipped. `onChange` is called once per burst.
 */
export function watchHead(gitDir: string, onChange: () => void, debounceMs = HEAD_DEBOUNCE_MS): Closable {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const fire = (file: string | null) => {
    if (file && file.endsWith('.lock')) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const targets: [string, (f: string | null) => boolean][] = [
    [gitDir, (f) => f === null || f === 'HEAD' || f === 'packed-refs'],
    [path.join(gitDir, 'logs'), (f) => f === null || f === 'HEAD'],
    [path.join(gitDir, 'refs', 'heads'), () => true],
    [path.join(gitDir, 'refs', 'remotes', 'origin'), () => true],
  ];
  for (const [dir, wanted] of targets) {
    try {
      const w = watch(dir, { persistent: false }, (_event, file) => {
        const name = file === null ? null : String(file);
        if (wanted(name)) fire(name);
      });
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      /* folder missing (no remote yet, no commits yet): nothing to watch there */
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

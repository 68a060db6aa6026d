import * as os from 'os';
import * as path from 'path';

/** A folder as the user writes it in settings and `career-evidence.yml`: `~` and `~/…` are the home folder; made absolute. */
export function expandHome(p: string): string {
  return path.resolve(p.trim().replace(/^~(?=$|[/\\])/, os.homedir()));
}

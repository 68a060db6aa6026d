import * as fs from 'fs';
import * as path from 'path';

/**
 * Every regular file under `dir` (`.git` included, links not followed) with its bytes (base64), by
 * its path relative to `dir` (POSIX): to show that nothing else was touched.
 */
export function snapshotOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, rel);
    const st = fs.lstatSync(full);
    if (st.isFile()) out.set(rel.split(path.sep).join('/'), fs.readFileSync(full).toString('base64'));
  }
  return out;
}

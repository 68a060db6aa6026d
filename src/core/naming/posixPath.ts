/** Relative POSIX paths (repository-relative, `/`-separated), the form every path of the evidence model takes. */

/**
 * Normalises a relative POSIX path (`./a/../b/` → `b`); returns a path starting with `..` when it
 * escapes, and null for an absolute path.
 */
export function normalizePosix(p: string): string | null {
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return null;
  const out: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

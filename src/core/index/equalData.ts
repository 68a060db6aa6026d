/**
 * Deep equality of plain data (what documents read into: objects, arrays, strings, numbers,
 * booleans, null). A property whose value is `undefined` counts as absent, as in JSON. Key order
 * does not matter. Linear in the size of the data.
 */
export function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => equalData(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && equalData(x[k], y[k]));
}

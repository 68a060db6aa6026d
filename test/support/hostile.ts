/**
 * A YAML front matter whose aliases chain eight levels deep (9^8 values when expanded): the "billion
 * laughs" of YAML, which the parser refuses ("Excessive alias count"). As the lines of a document
 * titled "Bomb", with `status: accepted`.
 */
export function aliasBombLines(): string[] {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries())
    levels.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(', ')}]`,
    );
  return ['---', ...levels, 'status: accepted', '---', '# Bomb'];
}

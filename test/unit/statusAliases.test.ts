import * as assert from 'assert';
import { canonicalStatus } from '../../src/core/evidence/status';
import {
  aliasKey,
  aliasWordFor,
  mergeStatusAliases,
  readStatusAliasFile,
  statusAliasesFrom,
  withStatusAliasInFile,
  withStatusAliases,
} from '../../src/core/evidence/statusAliases';
import { EvidenceItem } from '../../src/core/evidence/model';
import { aliasBombLines } from '../support/hostile';

/** The alias bomb's mappings, with `statusAliases` expanding the deepest. */
const bomb = [...aliasBombLines().slice(1, 9), 'statusAliases: *h'].join('\n');

describe('status aliases (a team’s or a user’s own words)', () => {
  const aliases = new Map([
    ['ratified', 'accepted'],
    ['on hold', 'proposed'],
    ['done', 'deprecated'], // a team may redefine a built-in synonym
  ] as const);

  it('are looked up before the built-in synonyms, two words before one', () => {
    assert.strictEqual(canonicalStatus('Ratified by the board', aliases), 'accepted');
    assert.strictEqual(canonicalStatus('**On hold** until Q3', aliases), 'proposed');
    assert.strictEqual(canonicalStatus('On', aliases), null);
    assert.strictEqual(canonicalStatus('Done', aliases), 'deprecated');
    assert.strictEqual(canonicalStatus('Done'), 'accepted');
    assert.strictEqual(canonicalStatus('Ratified'), null);
    assert.strictEqual(canonicalStatus('Accepted', aliases), 'accepted');
  });

  it('read from a setting: bad entries are left out, each with a problem, the others kept', () => {
    const r = statusAliasesFrom(
      { Ratified: 'Accepted', 'On  Hold': 'proposed', 'three words here': 'accepted', x: 'nope', y: 3 },
      'careerEvidence.statusAliases',
    );
    assert.deepStrictEqual(
      [...r.aliases],
      [
        ['ratified', 'accepted'],
        ['on hold', 'proposed'],
      ],
    );
    assert.strictEqual(r.problems.length, 3);
    assert.ok(r.problems.every((p) => p.path === 'careerEvidence.statusAliases'));
    assert.strictEqual(statusAliasesFrom(['ratified'], 's').problems.length, 1);
    assert.deepStrictEqual(statusAliasesFrom(undefined, 's'), { aliases: new Map(), problems: [] });
  });

  it('read from a file: invalid YAML, an alias bomb or a non-mapping give one problem and no words, never a throw', () => {
    assert.deepStrictEqual([...readStatusAliasFile('statusAliases:\n  ratified: accepted\n', 'f').aliases], [['ratified', 'accepted']]);
    for (const text of ['statusAliases: [a\n', bomb, '- a\n- b\n', 'statusAliases: 3\n']) {
      const r = readStatusAliasFile(text, '.career-evidence/statuses.yml');
      assert.strictEqual(r.aliases.size, 0, text.slice(0, 40));
      assert.strictEqual(r.problems.length, 1, text.slice(0, 40));
      assert.strictEqual(r.problems[0].path, '.career-evidence/statuses.yml');
    }
    assert.deepStrictEqual(readStatusAliasFile('', 'f'), { aliases: new Map(), problems: [] });
    assert.deepStrictEqual(readStatusAliasFile('other: 1\n', 'f'), { aliases: new Map(), problems: [] });
  });

  it('merge with the later source winning (team, journal, settings)', () => {
    const merged = mergeStatusAliases(
      new Map([
        ['ratified', 'accepted'],
        ['parked', 'proposed'],
      ] as const),
      new Map([['parked', 'rejected']] as const),
    );
    assert.deepStrictEqual(
      [...merged],
      [
        ['ratified', 'accepted'],
        ['parked', 'rejected'],
      ],
    );
  });

  it('apply to an item the reader did not know, as a new object (cached items are never changed)', () => {
    const item: EvidenceItem = {
      kind: 'decision',
      format: 'adr-tools',
      id: '1',
      title: 't',
      status: null,
      statusText: 'Ratified',
      date: null,
      path: 'a.md',
    };
    const read = withStatusAliases(item, aliases);
    assert.strictEqual(read.status, 'accepted');
    assert.strictEqual(read.statusText, 'Ratified');
    assert.strictEqual(item.status, null);
    const known = { ...item, status: 'rejected' as const, statusText: 'Rejected' };
    assert.strictEqual(withStatusAliases(known, aliases), known);
    assert.strictEqual(withStatusAliases({ ...item, statusText: 'Parked' }, aliases).status, null);
  });

  it('are keyed by one or two words of letters', () => {
    assert.strictEqual(aliasKey('  On   Hold '), 'on hold');
    assert.strictEqual(aliasKey('Won’t fix'), "won't fix");
    for (const bad of ['', 'a b c', '42', 'on-hold', 'x\ny']) assert.strictEqual(aliasKey(bad), null, bad);
    assert.strictEqual(aliasWordFor('On hold'), 'on hold');
    assert.strictEqual(aliasWordFor('**Ratified** by the board on 2026-01-01'), 'ratified');
    assert.strictEqual(aliasWordFor('2026-01-01'), null);
  });

  it('are written into a file keeping its comments and other keys; a bad file is refused, not overwritten', () => {
    assert.strictEqual(withStatusAliasInFile('', 'Ratified', 'accepted'), 'statusAliases:\n  ratified: accepted\n');
    const edited = withStatusAliasInFile(
      '# our words\nstatusAliases:\n  parked: proposed # until planned\nother: 1\n',
      'Shelved',
      'deprecated',
    );
    assert.strictEqual(edited, '# our words\nstatusAliases:\n  parked: proposed # until planned\n  shelved: deprecated\nother: 1\n');
    assert.deepStrictEqual([...readStatusAliasFile(edited, 'f').aliases].length, 2);
    assert.match(
      withStatusAliasInFile('# only a comment\n', 'parked', 'proposed'),
      /^# only a comment\n[\s\S]*statusAliases:\n {2}parked: proposed\n$/,
    );
    assert.throws(() => withStatusAliasInFile('statusAliases: [a\n', 'x', 'accepted'), /not valid YAML/);
    assert.throws(() => withStatusAliasInFile('- a\n', 'x', 'accepted'), /mapping/);
    assert.throws(() => withStatusAliasInFile('statusAliases: 3\n', 'x', 'accepted'), /not a mapping/);
    assert.throws(() => withStatusAliasInFile('', 'a b c', 'accepted'), /one or two words/);
  });
});

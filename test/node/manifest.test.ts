import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/paths';

// The manifest's menus and welcome content (issue 14): commands offered only where they can work,
// Accept and Dismiss only on suggestions, the welcome content only when the view is really empty.

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

const nls = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** The manifest as VS Code shows it: `%key%` strings replaced from package.nls.json. */
const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'), (_k, v: unknown) =>
  typeof v === 'string' && /^%[\w.-]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v,
);
const menus = manifest.contributes.menus as Record<string, MenuItem[]>;
const title = (id: string) => manifest.contributes.commands.find((c: { command: string }) => c.command === id)?.title;

/** The `viewItem =~ /…/` pattern of a `when` clause, as a RegExp (undefined when it has none). */
function viewItemPattern(when: string): RegExp | undefined {
  const m = /viewItem =~ \/(.*?)\/(?:\s|$)/.exec(when);
  return m ? new RegExp(m[1]) : undefined;
}

describe('manifest: where commands are offered', () => {
  it('offers Scan Merged Work and Restore Dismissed Suggestions only in a trusted workspace folder in a repository', () => {
    for (const id of ['careerEvidence.scanMergedWork', 'careerEvidence.restoreDismissed']) {
      const places = [...menus['view/title'], ...menus.commandPalette].filter((m) => m.command === id);
      assert.ok(places.length >= 2, id);
      for (const m of places) assert.match(m.when ?? '', /isWorkspaceTrusted && careerEvidence\.inRepository/, `${id}: ${m.when}`);
    }
  });

  it('puts Accept, Dismiss and the other suggestion actions on suggestions only, never on the action rows', () => {
    const suggestionItems = menus['view/item/context'].filter((m) => /acceptSuggestion|dismissSuggestion|snoozeSuggestion/.test(m.command));
    assert.ok(suggestionItems.length >= 5);
    for (const m of suggestionItems) {
      const re = viewItemPattern(m.when ?? '');
      if (!re) continue; // `viewItem == suggestion.pr`
      for (const row of ['suggestion', 'suggestion.pr']) assert.ok(re.test(row), `${m.command} on ${row}`);
      for (const row of [
        'action.identity',
        'action.range',
        'action.trust',
        'action.lookalikes',
        'suggestionGroup',
        'suggestions',
        'maintenance',
      ])
        assert.ok(!re.test(row), `${m.command} must not be on ${row}`);
    }
  });

  it('shows the welcome content only once the view knows it is empty, and names what it offers', () => {
    const welcome = manifest.contributes.viewsWelcome as { when: string; contents: string }[];
    const inFolder = welcome.filter((w) => w.when.includes('workbenchState != empty'));
    assert.ok(inFolder.length > 0);
    for (const w of inFolder) assert.match(w.when, /careerEvidence\.empty/);
    assert.strictEqual(title('careerEvidence.newDesignDoc'), 'New Design Doc (ADR, RFC, Tradeoff Note…)');
    assert.strictEqual(title('careerEvidence.snoozeSuggestion'), 'Ask About This Again Tomorrow');
  });

  it('lists Mine Only once in the title bar menu, checked while on', () => {
    const mine = menus['view/title'].filter((m) => m.command.startsWith('careerEvidence.toggleMineOnly'));
    assert.deepStrictEqual(
      mine.map((m) => [title(m.command), m.when]),
      [
        ['Mine Only', 'view == careerEvidence.evidence && !careerEvidence.mineOnly'],
        ['✓ Mine Only', 'view == careerEvidence.evidence && careerEvidence.mineOnly'],
      ],
    );
  });

  it('walks a new user through five steps, each completed by its real event, each with its page', () => {
    const [walkthrough] = manifest.contributes.walkthroughs as {
      steps: { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[];
    }[];
    const commands = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      ['openView', 'identities', 'scan', 'record', 'quarter'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(PROJECT_ROOT, step.media.markdown)), step.media.markdown);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(':');
        assert.ok(kind === 'onView' ? id === 'careerEvidence.evidence' : kind === 'onCommand' && commands.has(id), event);
      }
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(commands.has(id) || id === 'careerEvidence.evidence.focus', `${step.id}: ${id}`);
    }
  });
});

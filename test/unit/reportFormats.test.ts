import * as assert from 'assert';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { buildBenchmark } from '../../src/core/report/benchmark';
import { benchmarkMarkdown, benchmarkText } from '../../src/core/report/benchmarkFormat';
import { DEFAULT_TARGETS } from '../../src/core/report/gaps';
import { readReportSettings, readTargetOptions } from '../../src/core/report/reportSettings';
import { DANA, change } from '../support/reportEvidence';

// A title an attacker could put in a commit: markup, a table cell break, a terminal escape.
const HOSTILE = '<script>alert(1)</script> | *x* \u001b]0;pwned\u0007';

describe('report formats: the same benchmark as text and Markdown (HTML: the dashboard page, test/node/dashboard.test.ts), hostile titles made harmless', () => {
  const b = buildBenchmark(
    {
      repositories: [{ root: '/r/shop', changes: [change('2026-04-02', { title: HOSTILE })], documents: [], tags: [], codeowners: [] }],
      journal: null,
      problems: [],
    },
    { person: { emails: [DANA.email], names: [DANA.name], handles: [] }, period: periodOf(quarterDays(2026, 2)) },
  );

  it('Markdown: no raw HTML, table or emphasis syntax taken from a title; control characters shown, not sent', () => {
    const md = benchmarkMarkdown(b);
    assert.doesNotMatch(md, /<script>/);
    assert.match(md, /&lt;script&gt;alert\(1\)&lt;\/script&gt; \\\| \\\*x\\\*/);
    assert.doesNotMatch(md, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('text: every line fit for a terminal', () => {
    const text = benchmarkText(b);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(text, /Review latency\s+median 98\.5 h, p90 98\.5 h over 1 merged change/);
  });
});

describe('report settings (the journal’s career-evidence.yml, --target)', () => {
  it('reads identities, handles, repositories, targets and levels; leaves out a bad value with a problem, keeps the rest', () => {
    const { settings, problems } = readReportSettings(
      'identities: [dana@laptop.local]\nhandles: ["@dana"]\nrepositories: [~/code/shop]\nrepositoriesRoot: ~/code\nbenchmark:\n  targets: { ownership: 2, stories: 3, designArtifacts: -1 }\nlevel: { current: Senior, target: Staff }\n',
      'career-evidence.yml',
    );
    assert.deepStrictEqual(settings, {
      identities: ['dana@laptop.local'],
      handles: ['dana'],
      repositories: ['~/code/shop'],
      repositoriesRoot: '~/code',
      targets: { ownership: 2 },
      level: { current: 'Senior', target: 'Staff' },
    });
    assert.deepStrictEqual(
      problems.map((p) => p.message.split(':')[0]),
      ['benchmark.targets.stories', 'benchmark.targets.designArtifacts'],
    );
  });

  it('gives no settings and one problem for YAML that is not a mapping, and never throws', () => {
    const r = readReportSettings('- just\n- a list\n', 'career-evidence.yml');
    assert.deepStrictEqual([r.settings.identities, r.problems.length], [[], 1]);
  });

  it('reads --target FORM=N and refuses anything else with the forms there are', () => {
    assert.deepStrictEqual(readTargetOptions(['ownership=2', 'reviewLatencyMedianHours=48.5']), {
      ownership: 2,
      reviewLatencyMedianHours: 48.5,
    });
    assert.throws(() => readTargetOptions(['stories=3']), new RegExp(Object.keys(DEFAULT_TARGETS).join(', ')));
    assert.throws(() => readTargetOptions(['ownership=-1']), /FORM=N/);
  });
});

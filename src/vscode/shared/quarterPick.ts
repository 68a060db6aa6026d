import * as vscode from 'vscode';
import { DayRange, periodOf, quartersBefore, readRange } from '../../core/evidence/quarters';
import { TREND_QUARTERS } from '../../core/report/benchmark';

/**
 * Asks which quarter (this one, or one of the four before it: the benchmark's trend) with a quick
 * pick titled `title`. `today` is `YYYY-MM-DD` local. Resolves undefined when dismissed.
 */
export async function pickQuarter(today: string, title: string): Promise<DayRange | undefined> {
  const current = readRange('this-quarter', today)!;
  const quarters = [...quartersBefore(today, TREND_QUARTERS)].reverse();
  const items = [
    {
      label: vscode.l10n.t('This quarter ({0})', periodOf(current).label),
      description: `${current.since} – ${current.until}`,
      range: current,
    },
    ...quarters.map((q) => ({ label: q.label, description: `${q.from} – ${q.to}`, range: { since: q.from, until: q.to } })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which quarter?') });
  return picked?.range;
}

import * as vscode from 'vscode';
import { GroupBy, ViewFilter, isFiltering } from '../../core/index/viewModel';

const GROUP_KEY = 'careerEvidence.groupBy';

/**
 * The Evidence view's grouping (remembered per workspace) and filter (for the session), with the
 * context keys menus use — set only when their value changes.
 */
export class ViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private filterValue: ViewFilter = {};
  private readonly contextValues = new Map<string, unknown>();

  constructor(private readonly memento: vscode.Memento) {
    this.syncContext();
  }

  get groupBy(): GroupBy {
    const v = this.memento.get<string>(GROUP_KEY);
    return v === 'quarter' || v === 'status' || v === 'tag' ? v : 'kind';
  }

  async setGroupBy(by: GroupBy): Promise<void> {
    await this.memento.update(GROUP_KEY, by);
    this.syncContext();
    this.changed.fire();
  }

  get filter(): ViewFilter {
    return this.filterValue;
  }

  setFilter(f: ViewFilter): void {
    this.filterValue = { ...f };
    this.syncContext();
    this.changed.fire();
  }

  private syncContext(): void {
    this.setContext('careerEvidence.groupBy', this.groupBy);
    this.setContext('careerEvidence.filtered', isFiltering(this.filterValue));
    this.setContext('careerEvidence.mineOnly', !!this.filterValue.mineOnly);
  }

  private setContext(key: string, value: unknown): void {
    if (this.contextValues.get(key) === value) return;
    this.contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

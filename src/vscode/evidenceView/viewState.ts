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

  /** Regroups at once; resolves when the choice is saved (a round trip to the workbench the tree need not wait for). */
  async setGroupBy(by: GroupBy): Promise<void> {
    const saved = this.memento.update(GROUP_KEY, by); // `get` sees the new value already
    this.syncContext();
    this.changed.fire();
    await saved;
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

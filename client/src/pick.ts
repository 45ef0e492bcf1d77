// Quick picks through window.createQuickPick, so the integration tests can see which one is
// open and what it lists (VS Code's API gives no other way), and then drive it with the
// workbench's own commands (quickOpenSelectNext, quickPickManyToggle, acceptSelectedQuickOpenItem).
import { QuickPick, QuickPickItem, window } from 'vscode';

export interface PickView {
  title: string; items: { label: string; description?: string; detail?: string }[];
  /** the label of the item the keyboard is on, and of the ticked ones (canPickMany) */
  active?: string; selected: string[];
}

export class Picker {
  private open: QuickPick<QuickPickItem> | undefined;

  /** The quick pick Corroborate shows now, if any. */
  view(): PickView | undefined {
    const q = this.open;
    return q && {
      title: q.title ?? '', items: q.items.map(({ label, description, detail }) => ({ label, description, detail })),
      active: q.activeItems[0]?.label, selected: q.selectedItems.map((i) => i.label),
    };
  }

  /** The accepted items (one unless canPickMany); undefined when dismissed. */
  pick<T extends QuickPickItem>(items: readonly T[], options: { title: string; canPickMany?: boolean; placeholder?: string }): Promise<readonly T[] | undefined> {
    this.open?.dispose();
    const q = window.createQuickPick<T>();
    q.title = options.title;
    q.placeholder = options.placeholder;
    q.canSelectMany = !!options.canPickMany;
    q.matchOnDescription = true;
    q.matchOnDetail = true;
    q.items = items;
    this.open = q as unknown as QuickPick<QuickPickItem>;
    return new Promise((resolve) => {
      let result: readonly T[] | undefined;
      q.onDidAccept(() => {
        result = q.canSelectMany ? [...q.selectedItems] : q.activeItems.slice(0, 1);
        q.hide();
      });
      q.onDidHide(() => {
        if (this.open === (q as unknown)) this.open = undefined;
        q.dispose();
        resolve(result);
      });
      q.show();
    });
  }
}

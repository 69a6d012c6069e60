/** Quick pick of models grouped by provider, with prices per million and context window; retired ones on request. */
import * as vscode from '../vscodeApi';
import type { Catalog } from '../../core/catalog/types';
import { pickerContent } from '../../core/view/pickerRows';

const SHOW_ALL_LABEL = '$(history) Show retired and legacy models…';

interface ModelItem extends vscode.QuickPickItem {
  readonly modelId?: string;
  readonly showAll?: true;
}

/** The open picker's model ids in list order and the highlighted one (for the test API). */
export interface ShownModelPicker {
  readonly modelIds: readonly string[];
  readonly activeId: string | undefined;
}

let shown: vscode.QuickPick<ModelItem> | undefined;

/** The model picker while it is on screen, else undefined. */
export function shownModelPicker(): ShownModelPicker | undefined {
  if (!shown) return undefined;
  return {
    modelIds: shown.items.flatMap((i) => (i.modelId ? [i.modelId] : [])),
    activeId: shown.activeItems[0]?.modelId,
  };
}

/** Lets the user pick a model; resolves to its id, or undefined when dismissed. */
export function pickModel(catalog: Catalog, currentId: string, currency: string): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<ModelItem>();
  const toggle: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('history'), tooltip: 'Show retired and legacy models' };
  let showAll = false;
  const fill = () => {
    picker.items = items(catalog, currentId, currency, showAll);
    picker.buttons = showAll ? [] : [toggle];
    picker.activeItems = picker.items.filter((i) => i.modelId === currentId);
  };
  picker.title = 'LLM Cost: select the model to price with';
  picker.placeholder = `Current: ${currentId}. Prices per million tokens (input · cached input · output) in ${currency}, now`;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  fill();
  return new Promise((resolve) => {
    let chosen: string | undefined;
    picker.onDidTriggerButton(() => {
      showAll = true;
      fill();
    });
    picker.onDidAccept(() => {
      const item = picker.selectedItems[0];
      if (item?.showAll) {
        showAll = true;
        fill();
        return;
      }
      chosen = item?.modelId;
      picker.hide();
    });
    picker.onDidHide(() => {
      if (shown === picker) shown = undefined;
      picker.dispose();
      resolve(chosen);
    });
    shown = picker;
    picker.show();
  });
}

function items(catalog: Catalog, currentId: string, currency: string, showAll: boolean): ModelItem[] {
  const content = pickerContent(catalog, currentId, currency, showAll, new Date());
  const result: ModelItem[] = [];
  for (const group of content.groups) {
    result.push({ label: group.title, kind: vscode.QuickPickItemKind.Separator }, ...group.rows);
  }
  if (content.hiddenModels)
    result.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: SHOW_ALL_LABEL, alwaysShow: true, showAll: true });
  return result;
}

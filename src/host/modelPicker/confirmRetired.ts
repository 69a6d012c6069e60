/** Second step of the model picker: a retired or legacy model becomes the default only when the user confirms it. */
import * as vscode from '../vscodeApi';
import type { Catalog, ModelEntry } from '../../core/catalog/types';
import { findModel } from '../../core/catalog/catalog';
import { statusLabel } from '../../core/format/status';

interface ConfirmItem extends vscode.QuickPickItem {
  readonly modelId?: string;
}

/** The id to use: `model` itself when current or confirmed, its replacement, or undefined (keep the current default). */
export function confirmModel(catalog: Catalog, model: ModelEntry, currentId: string): Promise<string | undefined> {
  if (model.status.kind === 'current') return Promise.resolve(model.id);
  const replacementId = model.status.kind === 'retired' ? model.status.replacement : undefined;
  const replacement = replacementId ? findModel(catalog, replacementId) : undefined;
  const current = findModel(catalog, currentId);
  const items: ConfirmItem[] = [
    {
      label: `Use ${model.displayName} anyway`,
      description: statusLabel(model, 'short'),
      detail: 'Priced with its last published prices; the provider may no longer serve it.',
      modelId: model.id,
    },
  ];
  if (replacement && replacement.id !== model.id)
    items.push({
      label: `Use ${replacement.displayName} instead`,
      description: `${replacement.id} · its replacement`,
      modelId: replacement.id,
    });
  items.push({ label: `Keep ${current?.displayName ?? currentId}`, description: 'change nothing' });

  const picker = vscode.window.createQuickPick<ConfirmItem>();
  picker.title = `${model.displayName} is ${model.status.kind === 'retired' ? 'retired' : 'a legacy model'}: use it as the default?`;
  picker.placeholder = `${model.displayName}: ${statusLabel(model)}. Confirm, or choose another model`;
  picker.items = items;
  return new Promise((resolve) => {
    let chosen: string | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.modelId;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

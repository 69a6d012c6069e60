/** "Revert to bundled prices": drops every price accepted with "Update prices". */
import * as vscode from '../vscodeApi';
import type { Notifier } from '../config/notifier';
import type { PricesService } from '../prices/pricesService';
import { COMMANDS } from './ids';

/** Registers llmCost.revertPrices; resolves to true when accepted prices were dropped. */
export function registerRevertPrices(prices: PricesService, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.revertPrices, async () => {
    const had = await prices.revert();
    void notifier.show(
      'info',
      had ? 'LLM Cost: back to the bundled prices.' : 'LLM Cost: no updated prices were kept; the bundled prices apply.',
    );
    return had;
  });
}

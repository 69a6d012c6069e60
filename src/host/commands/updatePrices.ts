/** "Update prices": reads a live source, shows every difference (model, field, old → new, source), keeps the ones accepted. */
import * as vscode from 'vscode';
import type { RefreshDiff } from '../../core/catalog/priceRefresh';
import { PriceSourceError } from '../../core/remote/priceFetch';
import { NAMED_SOURCES } from '../../core/remote/priceSources';
import type { NamedSource } from '../../core/remote/priceSources';
import { changeRatio, exactPrice, fieldLabel, priceChangeLine, refreshSummary } from '../../core/view/priceDiffRows';
import type { Notifier } from '../config/notifier';
import type { PricesService } from '../prices/pricesService';
import { COMMANDS } from './ids';

const SOURCE_LABELS: Readonly<Record<NamedSource, string>> = {
  litellm: "LiteLLM's price file (GitHub, public)",
  'genai-prices': "pydantic's genai-prices data (GitHub, public)",
  xai: "xAI's model list (api.x.ai, with your stored xAI key)",
};

/** Automation and tests: `{ source, acceptAll }` skips both questions. */
interface UpdateArgs {
  readonly source?: NamedSource;
  readonly acceptAll?: boolean;
}

/** Registers llmCost.updatePrices; resolves to the number of prices accepted (undefined when cancelled or failed). */
export function registerUpdatePrices(prices: PricesService, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.updatePrices, async (given?: unknown) => {
    const args = readArgs(given);
    const source = args.source ?? (await pickSource(prices.settings().source));
    if (!source) return undefined;
    let diff: RefreshDiff;
    try {
      diff = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `LLM Cost: reading prices from ${source}…` },
        () => prices.check(source),
      );
    } catch (e) {
      void notifier.show('error', `LLM Cost: ${e instanceof PriceSourceError ? e.message : `price update failed: ${String(e)}`}`);
      return undefined;
    }
    return reviewPrices(prices, notifier, diff, args.acceptAll === true);
  });
}

/** Shows the diff for acceptance (all selected by default); held-back changes are listed, never applied. */
export async function reviewPrices(
  prices: PricesService,
  notifier: Notifier,
  diff: RefreshDiff,
  acceptAll = false,
): Promise<number | undefined> {
  if (diff.held.length) {
    const shown = diff.held.slice(0, 3).map(priceChangeLine).join('; ');
    void notifier.show(
      'warning',
      `LLM Cost: ${diff.held.length} price ${diff.held.length === 1 ? 'change' : 'changes'} held back (never applied): ${shown}`,
    );
  }
  if (!diff.changes.length) {
    void notifier.show('info', `LLM Cost: no price differences from ${diff.source}. ${refreshSummary(diff)}`);
    return 0;
  }
  let accepted = diff.changes;
  if (!acceptAll) {
    const items = diff.changes.map((change) => ({
      label: `${change.model} · ${fieldLabel(change.field)}`,
      description: `${exactPrice(change.old)} → ${exactPrice(change.new)} per M (${changeRatio(change)})`,
      detail: `from ${change.source}, fetched ${diff.fetchedAt.slice(0, 10)}`,
      picked: true,
      change,
    }));
    const picks = await vscode.window.showQuickPick(items, {
      title: `Prices from ${diff.source}, fetched ${diff.fetchedAt.slice(0, 16).replace('T', ' ')} UTC`,
      placeHolder: `${refreshSummary(diff)} Untick what you do not want; Enter keeps the ticked prices.`,
      canPickMany: true,
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    if (!picks) return undefined;
    accepted = picks.map((p) => p.change);
  }
  const n = await prices.accept(diff, accepted);
  if (n) {
    void notifier.show(
      'info',
      `LLM Cost: kept ${n} ${n === 1 ? 'price' : 'prices'} from ${diff.source}, fetched ${diff.fetchedAt.slice(0, 10)}. "LLM Cost: Revert to bundled prices" undoes it.`,
    );
  }
  return n;
}

function pickSource(preferred: NamedSource): Thenable<NamedSource | undefined> {
  const order = [preferred, ...NAMED_SOURCES.filter((s) => s !== preferred)];
  return vscode.window
    .showQuickPick(
      order.map((source) => ({ label: source, description: SOURCE_LABELS[source], source })),
      { title: 'Update prices from', placeHolder: 'Only this source is contacted; nothing about your prompts is sent.' },
    )
    .then((pick) => pick?.source);
}

function readArgs(given: unknown): UpdateArgs {
  if (typeof given !== 'object' || given === null) return {};
  const g = given as Record<string, unknown>;
  const source = (NAMED_SOURCES as readonly unknown[]).includes(g.source) ? (g.source as NamedSource) : undefined;
  return { ...(source ? { source } : {}), acceptAll: g.acceptAll === true };
}

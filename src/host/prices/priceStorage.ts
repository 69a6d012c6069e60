/** Accepted refreshed prices in VS Code's global storage (globalState), with the time of the last check. */
import type * as vscode from 'vscode';
import { EMPTY_STORE, parseStore } from '../../core/catalog/priceStore';
import type { PriceStore } from '../../core/catalog/priceStore';

const STORE_KEY = 'llmCost.prices.accepted';
const LAST_CHECK_KEY = 'llmCost.prices.lastCheck';

export class PriceStorage {
  constructor(private readonly memento: vscode.Memento) {}

  /** The stored updates; a damaged value is reported and reads as empty. */
  read(): { store: PriceStore; problem?: string } {
    const raw = this.memento.get<unknown>(STORE_KEY);
    if (raw === undefined) return { store: EMPTY_STORE };
    const parsed = parseStore(JSON.stringify(raw));
    return 'store' in parsed ? { store: parsed.store } : { store: EMPTY_STORE, problem: parsed.problem };
  }

  async write(store: PriceStore): Promise<void> {
    await this.memento.update(STORE_KEY, store.updates.length ? store : undefined);
  }

  lastCheck(): string | undefined {
    const v = this.memento.get<unknown>(LAST_CHECK_KEY);
    return typeof v === 'string' ? v : undefined;
  }

  /** Records the last check; undefined forgets it (the test API uses both). */
  async setLastCheck(at: Date | undefined): Promise<void> {
    await this.memento.update(LAST_CHECK_KEY, at?.toISOString());
  }
}

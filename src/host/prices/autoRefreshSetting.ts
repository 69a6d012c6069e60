/** llmCost.prices.autoRefresh as the views need it (the stale-prices line shows only while it is off). */
import * as vscode from '../vscodeApi';
import { parsePriceSettings, PRICE_SETTING_KEYS } from '../../core/config/priceSettings';
import type { AutoRefresh } from '../../core/config/priceSettings';
import { CONFIG_SECTION } from '../config/configService';

export function autoRefreshSetting(): AutoRefresh {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(PRICE_SETTING_KEYS.autoRefresh);
  return parsePriceSettings({ [PRICE_SETTING_KEYS.autoRefresh]: value }).settings.autoRefresh;
}

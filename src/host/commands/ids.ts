/** Command ids, as contributed in package.json; each links to its implementation. */
export const COMMANDS = {
  /** {@link ./estimate.ts} */
  estimate: 'llmCost.estimate',
  /** {@link ./selectModel.ts} */
  selectModel: 'llmCost.selectModel',
  /** {@link ./openComparison.ts} */
  openComparison: 'llmCost.openComparison',
  /** {@link ./setXaiApiKey.ts} */
  setXaiApiKey: 'llmCost.setXaiApiKey',
  /** {@link ./clearXaiApiKey.ts} */
  clearXaiApiKey: 'llmCost.clearXaiApiKey',
  /** {@link ./updatePrices.ts} */
  updatePrices: 'llmCost.updatePrices',
  /** {@link ./revertPrices.ts} */
  revertPrices: 'llmCost.revertPrices',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

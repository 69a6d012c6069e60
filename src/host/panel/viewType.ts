/** The comparison panel's webview type (also named in package.json's activation events). */
export const COMPARISON_VIEW_TYPE = 'llmCost.comparison';

/** The editor's lenses and hovers over a prompt file: per-message and per-request tokens and cost. Pure. */
import type { Catalog, CurrencyCode, ModelEntry } from '../catalog/types';
import type { Estimate } from '../cost/types';
import { estimate, inputCost } from '../cost/estimate';
import { formatBreakdown, formatMoney } from '../format/money';
import { formatShare } from '../format/fit';
import { formatCount, formatTokens } from '../format/tokens';
import type { MessageFigure, PromptBreakdown, RequestFigure } from '../prompt/breakdown';
import { escapeMarkdown } from './statusText';

/** The model and assumptions the figures are priced with. */
export interface LensPricing {
  readonly catalog: Catalog;
  readonly model: ModelEntry;
  /** True when the model's tokenizer counts exactly (else counts show "≈"). */
  readonly exact: boolean;
  /** Where the model comes from, for the tooltips: "your chosen model", "from the prompt file". */
  readonly modelOrigin: string;
  readonly outputRatio: number;
  readonly cacheHitShare: number;
  readonly currency: CurrencyCode;
  readonly at: Date;
}

/** One request with its messages and its own output limit (max_tokens), if it sets one. */
export interface RequestView {
  /** Position in the file, from 0. */
  readonly index: number;
  readonly figure: RequestFigure;
  readonly limit?: number;
  readonly messages: readonly MessageFigure[];
}

/** A lens: a 1-based line, its title and its tooltip (plain text). */
export interface PromptLens {
  readonly line: number;
  readonly title: string;
  readonly tooltip: string;
}

/** The breakdown grouped by request, each with its own limit (`limits` in request order, null where none). */
export function requestViews(breakdown: PromptBreakdown, limits: readonly (number | null)[] = []): RequestView[] {
  let next = 0;
  return breakdown.requests.map((figure, index) => {
    const messages = breakdown.messages.slice(next, next + figure.messages);
    next += figure.messages;
    const limit = limits[index];
    return { index, figure, messages, ...(limit !== null && limit !== undefined ? { limit } : {}) };
  });
}

/**
 * A lens above each request ("request 2 · 1,234 tok incl. 9 template · $0.0030 = in … + out …") and each message
 * ("user · 1,234 tok · $0.0012", input cost at the cache-hit share). A JSONL request's messages share its line.
 */
export function promptLenses(requests: readonly RequestView[], pricing: LensPricing): PromptLens[] {
  const lenses: PromptLens[] = [];
  const many = requests.length > 1;
  for (const request of requests) {
    lenses.push(requestLens(request, pricing, many));
    for (const message of request.messages) lenses.push(messageLens(message, pricing));
  }
  return lenses;
}

function requestLens(request: RequestView, pricing: LensPricing, many: boolean): PromptLens {
  const { figure, limit } = request;
  const e = price(pricing, figure.tokens, limit === undefined ? { ratio: pricing.outputRatio } : { tokens: limit });
  const shown = formatBreakdown([inputCost(e), e.output.cost], e.total, pricing.currency);
  const template = figure.templateTokens > 0 ? ` incl. ${formatTokens(figure.templateTokens)} template` : '';
  const output = limit === undefined ? `×${pricing.outputRatio}` : `max_tokens ${formatTokens(limit)}`;
  const name = many ? `request ${request.index + 1}` : 'request';
  return {
    line: figure.line,
    title: `${name} · ${tokens(figure.tokens, pricing)} tok${template} · ${shown.total} = in ${shown.parts[0]} + out ${shown.parts[1]} (${output})`,
    tooltip: [
      `${capitalise(name)}: ${tokens(figure.tokens, pricing)} input tokens (${formatTokens(figure.messages)} ${plural(figure.messages, 'message')}${figure.templateTokens > 0 ? `, ${formatTokens(figure.templateTokens)} of them the chat template's, counted once per request` : ''}).`,
      `Input ${shown.parts[0]} at ${shareText(pricing.cacheHitShare)} cache hits; output ${formatTokens(e.output.tokens)} tokens ${limit === undefined ? `projected at ×${pricing.outputRatio} the input` : "at the request's own limit (max_tokens)"}: ${shown.parts[1]}.`,
      pricedFor(pricing),
    ].join('\n'),
  };
}

function messageLens(message: MessageFigure, pricing: LensPricing): PromptLens {
  const e = price(pricing, message.tokens, { tokens: 0 });
  return {
    line: message.line,
    title: `${message.role} · ${tokens(message.tokens, pricing)} tok · ${formatMoney(inputCost(e), pricing.currency)}`,
    tooltip: `The ${message.role} message's own text as input at ${shareText(pricing.cacheHitShare)} cache hits (the chat template's tokens are the request's). ${pricedFor(pricing)}`,
  };
}

/** Markdown for a hover on `line` (1-based): the breakdown of the message(s) starting at or above it; undefined outside any message. */
export function promptHover(requests: readonly RequestView[], line: number, pricing: LensPricing): string | undefined {
  const request = [...requests].reverse().find((r) => r.figure.line <= line);
  if (!request) return undefined;
  const above = request.messages.filter((m) => m.line <= line);
  const last = above[above.length - 1];
  if (!last) return undefined;
  const shown = above.filter((m) => m.line === last.line);
  const sections = shown.map((m) => messageHover(m, request, pricing));
  return [...sections, `_${pricedFor(pricing)}_`].join('\n\n---\n\n');
}

function messageHover(message: MessageFigure, request: RequestView, pricing: LensPricing): string {
  const e = price(pricing, message.tokens, { tokens: 0 });
  const shown = formatBreakdown([e.cacheMiss.cost, e.cacheHit.cost], inputCost(e), pricing.currency);
  const share = request.figure.tokens > 0 ? formatShare(message.tokens / request.figure.tokens) : '0%';
  return [
    `**${escapeMarkdown(message.role)}** · message ${message.index + 1} of ${request.figure.messages}, request ${request.index + 1}`,
    '',
    '| | Tokens | Cost |',
    '|:--|--:|--:|',
    `| Input, cache miss | ${formatTokens(e.cacheMiss.tokens)} | ${shown.parts[0]} |`,
    `| Input, cache hit (${shareText(pricing.cacheHitShare)}) | ${formatTokens(e.cacheHit.tokens)} | ${shown.parts[1]} |`,
    `| **Input** | **${tokens(message.tokens, pricing)}** | **${shown.total}** |`,
    '',
    `Share of its request: ${share} (${tokens(message.tokens, pricing)} of ${tokens(request.figure.tokens, pricing)} tokens; the request's ${formatTokens(request.figure.templateTokens)} template tokens are counted once, not per message).`,
  ].join('\n');
}

function price(pricing: LensPricing, inputTokens: number, output: { ratio: number } | { tokens: number }): Estimate {
  return estimate(pricing.catalog, {
    modelId: pricing.model.id,
    inputTokens,
    at: pricing.at,
    output,
    cache: { hitRatio: pricing.cacheHitShare },
    currency: pricing.currency,
  });
}

function tokens(n: number, pricing: LensPricing): string {
  return formatCount({ tokens: n, exact: pricing.exact });
}

function pricedFor(pricing: LensPricing): string {
  return `Priced for ${pricing.model.displayName} (${pricing.model.id}, ${pricing.modelOrigin}).`;
}

function shareText(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Estimated chat overhead where the provider's template is not published: Grok (xAI) and OpenAI-family custom models. */
import type { ChatRequest } from '../messages';
import type { TemplateCount, TextCounter } from './types';
import { Tally } from './types';
import { CALIBRATION } from '../../catalog/calibration';

/** Grok-2's open template wraps each message as "Human: …<|separator|>\n\n": about 5 tokens a message. */
export const GROK_PER_MESSAGE = 5;
/** "Assistant:" opening the reply. */
export const GROK_REPLY_OPENER = 2;
/** Hidden prefix xAI adds to billed prompts of reasoning Grok 4 models (measured; source in data/calibration.json). */
export const GROK_4_PREFIX_ALLOWANCE = CALIBRATION.grokPrefixAllowance;

/** The hidden-prefix allowance assumed for a Grok model id. */
export function grokPrefixAllowance(modelId: string): number {
  return /(^|[-/])grok-4(?![\d])/.test(modelId) && !/non-reasoning/.test(modelId) ? GROK_4_PREFIX_ALLOWANCE : 0;
}

function addMessageTexts(t: Tally, request: ChatRequest): void {
  for (const m of request.messages) {
    t.addText(m.content ?? '');
    for (const call of m.toolCalls ?? []) t.addText(`${call.name}${call.arguments}`);
  }
  if (request.tools) t.addText(JSON.stringify(request.tools));
}

/** Grok estimate: text + 5 per message + 2 for the reply + the model's hidden-prefix allowance. */
export function countGrokChat(request: ChatRequest, counter: TextCounter, modelId: string, prefixAllowance?: number): TemplateCount {
  const t = new Tally(counter);
  addMessageTexts(t, request);
  const allowance = prefixAllowance ?? grokPrefixAllowance(modelId);
  t.control(request.messages.length * GROK_PER_MESSAGE + GROK_REPLY_OPENER + allowance);
  t.inexact(
    `estimate: Grok's template is not published; +${GROK_PER_MESSAGE} a message (Grok-2's open template), +${GROK_REPLY_OPENER} for the reply` +
      (allowance > 0 ? `, +${allowance} hidden-prefix allowance` : ', no hidden-prefix allowance for this model'),
  );
  return t.result();
}

/** OpenAI ChatML estimate (the rule OpenAI published for its chat models): +3 a message, +3 for the reply. */
export function countOpenAiChat(request: ChatRequest, counter: TextCounter): TemplateCount {
  const t = new Tally(counter);
  addMessageTexts(t, request);
  t.control(request.messages.length * 3 + 3);
  t.inexact('estimate: ChatML overhead of +3 a message and +3 for the reply, as OpenAI documents for its chat models');
  return t.result();
}

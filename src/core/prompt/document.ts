/** Counts a document as the provider bills it: plain text, or a prompt file's messages with template overhead. */
import type { ModelEntry } from '../catalog/types';
import type { ChatRequest, UncountedParts } from './messages';
import { countText } from '../tokenize/count';
import { describeTokenizer, getTokenizer } from '../tokenize/registry';
import { PromptParseError } from './messages';
import { displayName, kindFromName, parseJsonPrompt, parseJsonl, parseYamlPrompt, sniffChat } from './parse';
import { countChatRequest, memoCounter } from './chatTemplate';
import { plainDocumentCount } from './documentCount';
import type { DocumentCount, DocumentFormat } from './documentCount';

export { PromptParseError } from './messages';

export interface DocumentOptions {
  /** When a prompt file is malformed, count it as plain text instead of throwing. */
  readonly plainTextFallback?: boolean;
  /** Count plain text and Markdown as one user message (with the template), not as raw text. Default false. */
  readonly asChatMessage?: boolean;
  /** Overrides the Grok hidden-prefix allowance (tokens a request). */
  readonly grokPrefixAllowance?: number;
  /** DeepSeek template: 'v3' (default) or 'v3.1' (hybrid-thinking models: +1 per assistant turn and reply). */
  readonly deepseekTemplate?: 'v3' | 'v3.1';
}

export interface Parsed {
  readonly format: DocumentFormat;
  readonly requests?: readonly ChatRequest[];
}

/** Parses a document into its format and chat requests (none for plain text); throws PromptParseError when malformed. */
export function parsePromptDocument(text: string, fileName: string | undefined, uncounted: UncountedParts = new Map()): Parsed {
  const file = displayName(fileName);
  switch (kindFromName(fileName)) {
    case 'prompt-yaml':
      return { format: 'prompt-yaml', requests: [parseYamlPrompt(text, file, uncounted)] };
    case 'jsonl':
      return { format: 'jsonl', requests: parseJsonl(text, file, uncounted) };
    case 'json': {
      const request = parseJsonPrompt(text, file, uncounted);
      return request ? { format: 'chat-json', requests: [request] } : { format: 'plain' };
    }
    case 'markdown':
      return { format: 'markdown' };
    case 'plain':
      return { format: 'plain' };
    case undefined: {
      const sniffed = sniffChat(text, uncounted);
      if (!sniffed) return { format: 'plain' };
      return { format: sniffed.kind === 'json' ? 'chat-json' : 'jsonl', requests: sniffed.requests };
    }
  }
}

/** Counts a document for a model: plain text as is, prompt files with each request's chat-template overhead. */
export function countDocument(text: string, fileName: string | undefined, model: ModelEntry, options: DocumentOptions = {}): DocumentCount {
  const uncounted: UncountedParts = new Map();
  let parsed: Parsed;
  let fallback: string | undefined;
  try {
    parsed = parsePromptDocument(text, fileName, uncounted);
  } catch (e) {
    if (!(e instanceof PromptParseError) || !options.plainTextFallback) throw e;
    parsed = { format: 'plain' };
    fallback = e.message;
    uncounted.clear();
  }
  const asChat = !parsed.requests && options.asChatMessage;
  const requests = parsed.requests ?? (asChat ? [{ messages: [{ role: 'user' as const, content: text, textParts: 1 }] }] : undefined);
  if (!requests) {
    return { ...plainDocumentCount(countText(text, model), parsed.format), ...(fallback !== undefined ? { fallback } : {}) };
  }
  const tokenizer = getTokenizer(model.tokenizer);
  const counter = memoCounter(tokenizer);
  let textTokens = 0;
  let templateTokens = 0;
  let templateExact = true;
  const notes = new Set<string>();
  let messages = 0;
  for (const request of requests) {
    const counted = countChatRequest(request, model, counter, options);
    textTokens += counted.textTokens;
    templateTokens += counted.templateTokens;
    templateExact &&= counted.exact;
    counted.notes.forEach((n) => notes.add(n));
    messages += request.messages.length;
  }
  const uncountedParts = [...uncounted].map(([type, count]) => ({ type, count }));
  if (uncountedParts.length > 0) notes.add(`not counted: ${uncountedParts.map((p) => `${p.count} ${p.type}`).join(', ')}`);
  const exact = tokenizer.exact && templateExact && uncountedParts.length === 0;
  const { label, errorBand } = describeTokenizer(model.tokenizer);
  return {
    model: model.id,
    tokenizer: model.tokenizer,
    tokens: textTokens + templateTokens,
    exact,
    label,
    ...(errorBand && !exact ? { errorBand } : {}),
    format: parsed.format,
    requests: requests.length,
    messages,
    templateTokens,
    templateExact,
    ...(notes.size > 0 ? { templateNotes: [...notes] } : {}),
    ...(uncountedParts.length > 0 ? { uncountedParts } : {}),
  };
}

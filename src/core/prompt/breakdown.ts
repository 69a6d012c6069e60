/** Per-message and per-request figures of a prompt file: what the CLI's `breakdown` and the editor's lenses show. */
import { LineCounter, parseDocument } from 'yaml';
import type { ModelEntry } from '../catalog/types';
import { getTokenizer } from '../tokenize/registry';
import type { ChatMessage, ChatRole } from './messages';
import { findMessages } from './messages';
import type { DocumentOptions, Parsed } from './document';
import { parsePromptDocument } from './document';
import { countChatRequest, memoCounter } from './chatTemplate';
import type { TextCounter } from './templates/types';
import { jsonElementLines } from './jsonLocate';

export interface MessageFigure {
  /** Position in its request, from 0. */
  readonly index: number;
  readonly role: ChatRole;
  /** Tokens of the message's own text (content, tool calls), counted alone: the template's markers are the request's. */
  readonly tokens: number;
  /** 1-based line where the message starts (JSONL: its request's line). */
  readonly line: number;
}

export interface RequestFigure {
  /** 1-based line of the request (JSONL: one a line; otherwise where the document starts). */
  readonly line: number;
  /** The request as billed: its messages' text plus its template overhead; the requests add up to the document's count. */
  readonly tokens: number;
  readonly templateTokens: number;
  /** Messages in the request. */
  readonly messages: number;
}

export interface PromptBreakdown {
  readonly messages: readonly MessageFigure[];
  readonly requests: readonly RequestFigure[];
}

/**
 * The breakdown of a prompt file for a model; undefined for plain text and Markdown. Throws PromptParseError as
 * countDocument does. `counter` (the model's tokenizer, memoised) may be kept across versions of a document so an
 * edit recounts only the messages it changed.
 */
export function promptBreakdown(
  text: string,
  fileName: string | undefined,
  model: ModelEntry,
  options: DocumentOptions = {},
  counter: TextCounter = memoCounter(getTokenizer(model.tokenizer)),
): PromptBreakdown | undefined {
  return breakdownOfParsed(text, parsePromptDocument(text, fileName), model, options, counter);
}

/** The breakdown of a document already parsed (`parsed` is parsePromptDocument of `text`). */
export function breakdownOfParsed(
  text: string,
  parsed: Parsed,
  model: ModelEntry,
  options: DocumentOptions = {},
  counter: TextCounter = memoCounter(getTokenizer(model.tokenizer)),
): PromptBreakdown | undefined {
  if (!parsed.requests) return undefined;
  const lines = requestLines(text, parsed.format, parsed.requests.length);
  const messages: MessageFigure[] = [];
  const requests = parsed.requests.map((request, r) => {
    const counted = countChatRequest(request, model, counter, options);
    const messageLines = lines.messages[r] ?? [];
    request.messages.forEach((m, index) => {
      messages.push({ index, role: m.role, tokens: ownTokens(m, counter), line: messageLines[index] ?? lines.requests[r] ?? 1 });
    });
    return {
      line: lines.requests[r] ?? 1,
      tokens: counted.textTokens + counted.templateTokens,
      templateTokens: counted.templateTokens,
      messages: request.messages.length,
    };
  });
  return { messages, requests };
}

function ownTokens(message: ChatMessage, counter: TextCounter): number {
  const count = (t: string) => (t === '' ? 0 : counter.count(t));
  return count(message.content ?? '') + (message.toolCalls ?? []).reduce((sum, c) => sum + count(c.name) + count(c.arguments), 0);
}

interface Lines {
  readonly requests: readonly number[];
  /** Per request, the line of each message. */
  readonly messages: readonly (readonly number[])[];
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Where each request and message starts, found in the text again (the parsers keep values, not positions). */
function requestLines(text: string, format: string, requestCount: number): Lines {
  const body = stripBom(text);
  if (format === 'jsonl') {
    const requests: number[] = [];
    body.split('\n').forEach((line, i) => {
      if (line.trim() !== '') requests.push(i + 1);
    });
    return { requests, messages: [] }; // a message's line is its request's
  }
  if (format === 'prompt-yaml') {
    const lineCounter = new LineCounter();
    const doc = parseDocument(body, { lineCounter, uniqueKeys: false });
    const list = doc.get('messages', true) as { items?: readonly { range?: readonly number[] }[] } | undefined;
    const lines = (list?.items ?? []).map((item) => lineCounter.linePos(item.range?.[0] ?? 0).line);
    return { requests: [1], messages: [lines] };
  }
  const found = findMessages(JSON.parse(body) as unknown);
  return { requests: Array<number>(requestCount).fill(1), messages: [found ? jsonElementLines(body, found.path) : []] };
}

/**
 * Mistral's instruct layout as mistral-common builds it (normalizer + InstructTokenizer V1/V3/V7), counted
 * segment by segment: each text passed to the tokenizer is counted on its own (SentencePiece adds its dummy
 * prefix per segment, as mistral-common's encode does); control tokens count 1 each.
 */
import type { TokenizerId } from '../../catalog/types';
import type { ChatMessage, ChatRequest, ToolCall } from '../messages';
import type { TemplateCount, TextCounter } from './types';
import { Tally } from './types';

export type MistralLayout = 'v1' | 'v3' | 'v7';

// Tekken models released before the v7 instruct format (Nemo, Pixtral 12B, Ministral 2410) use the v3 layout.
const TEKKEN_V3_MODELS = /(^|[-/])(open-mistral-nemo|mistral-nemo|pixtral-12b|ministral-[38]b-2410)/;

/** The instruct-format version a Mistral model uses. */
export function mistralLayout(tokenizer: TokenizerId, modelId: string): MistralLayout {
  if (tokenizer === 'mistral-sp-v1') return 'v1';
  if (tokenizer === 'mistral-sp-v3') return 'v3';
  if (tokenizer === 'mistral-tekken' && TEKKEN_V3_MODELS.test(modelId)) return 'v3';
  return 'v7';
}

interface Turn {
  readonly role: ChatMessage['role'];
  readonly content: string;
  readonly toolCalls: readonly ToolCall[];
  readonly toolCallId?: string;
}

const joinNonEmpty = (parts: readonly string[]): string => parts.filter((p) => p !== '').join('\n\n');

/** mistral-common's normalizer: merge consecutive turns of one role; before v7, lift system text out. */
function normalize(messages: readonly ChatMessage[], layout: MistralLayout): { turns: Turn[]; systemPrompt: string } {
  const turns: Turn[] = [];
  const systemParts: string[] = [];
  for (let i = 0; i < messages.length;) {
    const role = messages[i].role;
    let j = i;
    while (j < messages.length && messages[j].role === role) j++;
    const group = messages.slice(i, j);
    i = j;
    if (role === 'system') {
      for (const m of group) {
        if (layout === 'v7') turns.push({ role, content: m.content ?? '', toolCalls: [] });
        else systemParts.push(m.content ?? '');
      }
    } else if (role === 'tool') {
      for (const m of group)
        turns.push({ role, content: m.content ?? '', toolCalls: [], ...(m.toolCallId ? { toolCallId: m.toolCallId } : {}) });
    } else {
      turns.push({ role, content: joinNonEmpty(group.map((m) => m.content ?? '')), toolCalls: group.flatMap((m) => m.toolCalls ?? []) });
    }
  }
  const needsUser = layout === 'v7' ? turns.length === 0 : turns[0]?.role !== 'user';
  if (needsUser) turns.unshift({ role: 'user', content: '', toolCalls: [] });
  return { turns, systemPrompt: joinNonEmpty(systemParts) };
}

/** Python's json.dumps with its default separators (", ", ": "), as mistral-common serialises tool JSON. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const parseOr = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Counts one request in a Mistral layout. */
export function countMistralChat(request: ChatRequest, counter: TextCounter, layout: MistralLayout): TemplateCount {
  const t = new Tally(counter);
  const { turns, systemPrompt } = normalize(request.messages, layout);
  const firstUser = turns.findIndex((m) => m.role === 'user');
  let lastUser = -1;
  turns.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  const toolNote = 'tool calls, tool results and tool schemas use the v7 layout; other versions differ by a few tokens';
  t.control(); // <s>
  if (layout === 'v7' && request.messages.some((m) => m.textParts > 1)) {
    t.inexact('text parts joined with a blank line (mistral-common before v15; v15 joins them directly)');
  }
  turns.forEach((m, i) => {
    switch (m.role) {
      case 'system': // v7 only
        t.control(2); // [SYSTEM_PROMPT] … [/SYSTEM_PROMPT]
        t.addText(m.content);
        break;
      case 'user': {
        if (i === lastUser && request.tools) {
          t.control(2); // [AVAILABLE_TOOLS] … [/AVAILABLE_TOOLS]
          t.addText(pythonJson(request.tools));
          t.inexact(toolNote);
        }
        if (layout === 'v1') {
          // "[INST] {system\n\n}{content} [/INST]" is one SentencePiece text; its markers are plain text in v1.
          const content = i === firstUser && systemPrompt ? `${systemPrompt}\n\n${m.content}` : m.content;
          const whole = counter.count(`[INST] ${content} [/INST]`);
          const markers = Math.min(whole, counter.count('[INST]') + counter.count('[/INST]'));
          t.template += markers;
          t.text += whole - markers;
        } else {
          const content = layout === 'v3' && i === lastUser && systemPrompt ? `${systemPrompt}\n\n${m.content}` : m.content;
          t.control(2); // [INST] … [/INST]
          t.addText(content);
        }
        break;
      }
      case 'assistant':
        t.addText(layout === 'v1' ? m.content : m.content.replace(/ +$/, ''));
        if (m.toolCalls.length > 0) {
          const calls = m.toolCalls.map((c) => ({ name: c.name, arguments: parseOr(c.arguments), ...(c.id ? { id: c.id } : {}) }));
          t.control(); // [TOOL_CALLS]
          t.addText(pythonJson(calls));
          t.inexact(toolNote);
        }
        t.control(); // </s>
        break;
      case 'tool':
        t.control(3); // [TOOL_RESULTS] id [TOOL_CONTENT] … [/TOOL_RESULTS]
        t.addText(m.toolCallId ?? '');
        t.addText(m.content);
        t.inexact(toolNote);
        break;
    }
  });
  if (request.messages.some((m) => m.role === 'system') && layout !== 'v7') {
    t.notes.add(layout === 'v1' ? 'system prompt joined to the first user turn' : 'system prompt joined to the last user turn');
  }
  return t.result();
}

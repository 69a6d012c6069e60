/** Loads a Mistral SentencePiece tokenizer. STAND-IN: o200k until the SentencePiece engine lands. */
import type { Tokenizer } from '../types';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

/** The SentencePiece tokenizer of a Mistral vocabulary version. */
export function loadSentencePiece(version: 'v1' | 'v3' | 'v7'): Tokenizer {
  const enc = new Tiktoken(o200k);
  const encode = (text: string) => enc.encode(text, [], []);
  return { id: `mistral-sp-${version}`, exact: false, encode, count: (t) => encode(t).length };
}

/** Loads a Mistral SentencePiece tokenizer from its compact vocabulary in dist/vocab. */
import { readFileSync } from 'node:fs';
import type { Tokenizer } from '../types';
import { warmUp } from '../bpe/warmUp';
import { vocabFile } from '../vocabPath';
import { SentencePieceBpe } from './engine';
import { decodeSpModel, type SpModel } from './model';
import { spaceCuts } from './blockCuts';

/** Mistral SentencePiece versions shipped with the extension. */
export type SentencePieceVersion = 'v1' | 'v3' | 'v7';

/** The compact vocabulary of a version, as the engine reads it. */
export function readSentencePieceModel(version: SentencePieceVersion): SpModel {
  const name = `sp-${version}.spm`;
  return decodeSpModel(readFileSync(vocabFile(name)), name);
}

/** The SentencePiece tokenizer of a Mistral vocabulary version (exact: proven against sentencepiece itself). */
export function loadSentencePiece(version: SentencePieceVersion): Tokenizer {
  const engine = new SentencePieceBpe(readSentencePieceModel(version));
  warmUp((text) => engine.count(text));
  engine.clearCache();
  const cuts = spaceCuts(engine);
  return {
    ...(cuts ? { cuts } : {}),
    id: `mistral-sp-${version}`,
    exact: true,
    encode: (text) => engine.encode(text),
    count: (text) => engine.count(text),
  };
}

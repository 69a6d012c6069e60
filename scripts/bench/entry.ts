// What the benchmark loads: the shipped tokenizer registry, bundled the way the extension bundles it.
export { getTokenizer, isTokenizerId } from '../../src/core/tokenize/registry';
export { IncrementalCounter } from '../../src/core/tokenize/incremental';

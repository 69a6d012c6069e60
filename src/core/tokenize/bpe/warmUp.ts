/**
 * JIT warm-up at load: encodes varied synthetic text (never user text) so that the first real count runs optimized
 * code instead of spending its first ~100 ms in the interpreter. The caller clears its piece cache afterwards.
 */

const WORDS = [
  'the',
  ' of',
  ' and',
  ' token',
  ' count',
  'Hello',
  ' World',
  'getValue',
  '(x)',
  ' => ',
  '{',
  '}\n',
  '  ',
  "'s",
  ' 42',
  '3.14',
  ', ',
  '. ',
  '\n\n',
  '\t',
  '"key": ',
  '[1, 2]',
  ' <|x|> ',
  '</s>',
  'naïve',
  ' Привет',
  '😀',
  ' #',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A space, then 1–12 random letters (capitalized now and then), sometimes with punctuation: exercises the merge path. */
function randomWord(rand: () => number): string {
  let word = rand() < 0.9 ? ' ' : '';
  for (let k = 1 + Math.floor(rand() * 12); k > 0; k--)
    word += String.fromCharCode((rand() < 0.05 ? 0x41 : 0x61) + Math.floor(rand() * 26));
  return rand() < 0.1 ? word + ',' : word;
}

/** One synthetic sample: words, code punctuation, CJK and kana runs, digits, and one long run (the heap path). */
function sample(rand: () => number): string {
  const parts: string[] = [];
  for (let i = 0; i < 160; i++) {
    const r = rand();
    if (r < 0.3) parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
    else if (r < 0.55) parts.push(randomWord(rand));
    else if (r < 0.8) {
      let run = '';
      for (let k = 2 + Math.floor(rand() * 24); k > 0; k--) run += String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000));
      parts.push(run, rand() < 0.5 ? '，' : '。');
    } else if (r < 0.9) parts.push(String(Math.floor(rand() * 1e6)));
    else parts.push(String.fromCharCode(0x3041 + Math.floor(rand() * 0xb0)).repeat(1 + Math.floor(rand() * 6)));
  }
  parts.push(' ', String.fromCharCode(0x61 + Math.floor(rand() * 26)).repeat(100 + Math.floor(rand() * 200)));
  return parts.join('');
}

/** Encodes synthetic samples: up to `rounds` of them, stopping early once `budgetMs` has passed (load time stays bounded). */
export function warmUp(encode: (text: string) => unknown, rounds = 10, budgetMs = 60): void {
  const rand = mulberry32(0x5eed);
  const started = performance.now();
  for (let i = 0; i < rounds && performance.now() - started < budgetMs; i++) encode(sample(rand));
}

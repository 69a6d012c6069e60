/** Merge tables of a SentencePiece BPE model: which adjacent pieces may merge, and in which order. */
import { PieceType, type MergePairs, type SpModel } from './model';

const mergeable = (type: number) => type === PieceType.normal || type === PieceType.userDefined;

/** Every split of a normal or user-defined piece into two such pieces: the merges SentencePiece can make. */
export function mergePairs(model: SpModel): MergePairs {
  const index = new Map<string, number>();
  model.pieces.forEach((p, id) => {
    if (mergeable(model.types[id])) index.set(p, id);
  });
  const left: number[] = [];
  const right: number[] = [];
  const merged: number[] = [];
  for (const [piece, id] of index) {
    for (let i = 1; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c >= 0xdc00 && c < 0xe000) continue;
      const l = index.get(piece.slice(0, i));
      const r = l === undefined ? undefined : index.get(piece.slice(i));
      if (l !== undefined && r !== undefined) {
        left.push(l);
        right.push(r);
        merged.push(id);
      }
    }
  }
  return { left, right, merged };
}

/** Rank of each mergeable piece by score (0 = highest score, equal scores share a rank); -1 for the others. */
export function scoreRanks(model: SpModel): Int32Array {
  const { scores, types } = model;
  const sorted = new Float64Array(scores.length);
  let n = 0;
  for (let id = 0; id < scores.length; id++) if (mergeable(types[id])) sorted[n++] = -scores[id];
  const distinct = sorted.subarray(0, n).sort();
  let d = 0;
  for (let i = 0; i < n; i++) if (i === 0 || distinct[i] !== distinct[d - 1]) distinct[d++] = distinct[i];
  const ranks = new Int32Array(scores.length).fill(-1);
  for (let id = 0; id < scores.length; id++) {
    if (!mergeable(types[id])) continue;
    const target = -scores[id];
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    ranks[id] = lo;
  }
  return ranks;
}

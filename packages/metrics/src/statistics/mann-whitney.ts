// Mann-Whitney U (Wilcoxon rank-sum) test, two-sided. Epoch times are skewed and carry outliers
// (GC pauses, a noisy neighbour), so a rank test is used instead of a t-test on means.

export interface MannWhitneyResult {
  /** U of the first sample: the number of (a, b) pairs with a > b, ties counting one half. */
  uA: number;
  /** U of the second sample; uA + uB = nA · nB. */
  uB: number;
  nA: number;
  nB: number;
  /** Two-sided p-value of "both samples come from the same distribution". */
  pValue: number;
  /** Standard score of the normal approximation (null for the exact test). */
  z: number | null;
  method: "exact" | "normal";
}

export interface MannWhitneyOptions {
  /**
   * "auto" (default) uses the exact distribution when there are no ties and nA + nB ≤ 40 (counts
   * then fit a double exactly), the normal approximation with tie correction otherwise.
   */
  method?: "auto" | "exact" | "normal";
  /** Continuity correction of the normal approximation (default true). */
  continuity?: boolean;
}

const EXACT_MAX_TOTAL = 40;

/** Midranks (1-based; ties share the mean of their ranks) and the tie groups' sizes. */
export function midranks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => ({ v, i })).sort((p, q) => p.v - q.v);
  const ranks = new Array<number>(values.length).fill(0);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/**
 * Number of arrangements of nA a's and nB b's for each value of U (pairs with a > b), u = 0 … nA·nB.
 * Recurrence: the largest value is either an a (it beats all nB b's) or a b.
 */
export function exactUCounts(nA: number, nB: number): number[] {
  // counts[i][j] is the distribution for i a's and j b's; only the previous row is kept.
  let previous: number[][] = [];
  for (let i = 0; i <= nA; i++) {
    const row: number[][] = [];
    for (let j = 0; j <= nB; j++) {
      const size = i * j + 1;
      if (i === 0 || j === 0) {
        row.push([1, ...new Array<number>(size - 1).fill(0)]);
        continue;
      }
      const withA = previous[j]!; // i-1 a's, j b's: the extra a is largest, adds j
      const withB = row[j - 1]!; // i a's, j-1 b's: the extra b is largest, adds 0
      const dist = new Array<number>(size).fill(0);
      for (let u = 0; u < withA.length; u++) dist[u + j]! += withA[u]!;
      for (let u = 0; u < withB.length; u++) dist[u]! += withB[u]!;
      row.push(dist);
    }
    previous = row;
  }
  return previous[nB]!;
}

/** Complementary error function; fractional error below 1.2e-7 (Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

export function mannWhitneyU(a: readonly number[], b: readonly number[], options: MannWhitneyOptions = {}): MannWhitneyResult {
  const nA = a.length;
  const nB = b.length;
  if (nA === 0 || nB === 0) throw new RangeError(`mannWhitneyU needs two non-empty samples (got ${nA} and ${nB} values)`);
  const all = [...a, ...b];
  if (all.some((v) => !Number.isFinite(v))) throw new RangeError("mannWhitneyU: samples must be finite numbers");
  const { ranks, tieSizes } = midranks(all);
  let rankSumA = 0;
  for (let k = 0; k < nA; k++) rankSumA += ranks[k]!;
  const uA = rankSumA - (nA * (nA + 1)) / 2;
  const uB = nA * nB - uA;
  const n = nA + nB;

  const wantExact = options.method === "exact" || (options.method !== "normal" && tieSizes.length === 0 && n <= EXACT_MAX_TOTAL);
  if (wantExact) {
    if (tieSizes.length > 0) throw new RangeError("mannWhitneyU: the exact test needs samples without ties");
    if (n > EXACT_MAX_TOTAL) throw new RangeError(`mannWhitneyU: the exact test is limited to ${EXACT_MAX_TOTAL} values in all (got ${n})`);
    const counts = exactUCounts(nA, nB);
    const total = counts.reduce((s, c) => s + c, 0);
    // The distribution is symmetric: P(U ≤ min) is the one-sided tail; two-sided doubles it.
    const low = Math.min(uA, uB);
    let tail = 0;
    for (let u = 0; u <= low; u++) tail += counts[u]!;
    return { uA, uB, nA, nB, pValue: Math.min(1, (2 * tail) / total), z: null, method: "exact" };
  }

  const mean = (nA * nB) / 2;
  const tieTerm = tieSizes.reduce((s, t) => s + (t * t * t - t), 0);
  const variance = ((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { uA, uB, nA, nB, pValue: 1, z: 0, method: "normal" };
  const correction = options.continuity === false ? 0 : 0.5;
  const z = Math.max(0, Math.max(uA, uB) - mean - correction) / Math.sqrt(variance);
  return { uA, uB, nA, nB, pValue: Math.min(1, erfc(z / Math.SQRT2)), z, method: "normal" };
}

/** The smallest two-sided p-value the exact test can reach with these sample sizes: 2 / C(nA+nB, nA). */
export function smallestExactPValue(nA: number, nB: number): number {
  let c = 1;
  for (let k = 1; k <= nA; k++) c = (c * (nB + k)) / k;
  return Math.min(1, 2 / c);
}

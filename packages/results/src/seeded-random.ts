// The repository's one seeded PRNG: synthetic results, generated histories, noise benchmarks, the pipelines'
// sample sources, the models' tasks and the kernels' test inputs. The same seed gives the same run, so tests
// and figures built on synthetic data repeat exactly.

/** mulberry32: a tiny 32-bit PRNG, plenty for synthetic data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

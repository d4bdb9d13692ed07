/**
 * Seeded randomness for sample sources. Every sample gets its own generator keyed by (seed, index), so a
 * sample can be produced in any order (file shards, generators, per-sample tf.data streams) and still come
 * out identical: same seed and index → same values, on every strategy and backend.
 * The generator itself is results' mulberry32, the one seeded PRNG of the repository.
 */
import { mulberry32 } from "@keras-mem-bench/results";

/**
 * Mixes a seed and a key (sample index, layer index, ...) into one well-spread 32-bit seed
 * (murmur3 finaliser), so neighbouring indices do not yield correlated streams.
 */
export function mixSeed(seed: number, key: number): number {
  if (!Number.isInteger(seed) || !Number.isInteger(key)) {
    throw new Error(`mixSeed needs integers, got seed=${seed} key=${key}`);
  }
  let h = (seed ^ Math.imul(key + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The generator for one sample: keyed by seed and index, independent of every other index. */
export function sampleRandom(seed: number, index: number): () => number {
  return mulberry32(mixSeed(seed, index));
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// Every threshold the claim verdicts use, with why. Tensor bytes are exact for the same code, so their rules
// are plain comparisons; RSS and time are noisy, so their rules carry a margin.

/**
 * Whole-array loading "shows" in RSS when the in-memory cell's peak RSS exceeds the best streaming cell's by at
 * least this share of its dataset tensor bytes. Half, because the allocator may return the source arrays after
 * the tensors are made, and because wasm grows its memory in steps; less than half is lost in runtime noise.
 */
export const RSS_SHOWS_DATASET_SHARE = 0.5;

/** RSS differences below this are treated as noise (cell-to-cell RSS of identical work scatters by ~10–20 MiB here). */
export const RSS_NOISE_BYTES = 16 * 2 ** 20;

/**
 * A streaming strategy "keeps memory to a batch" when its dataset tensors after prepare and between steps are at
 * most this many batches: one batch being trained on plus one being made (tf.data's prefetch holds 2 by default).
 */
export const BATCHES_ALLOWED = 2;

/** ...and when the JS heap and external memory it retains after prepare is below this share of the whole dataset. */
export const RETAINED_DATASET_SHARE = 0.5;

/**
 * tf.data is "best" on memory when its peak RSS is within max(RSS_NOISE_BYTES, this share) of the lowest peak RSS of
 * the strategies it is compared with, trained on the same model, batch size and data set size.
 */
export const RSS_TIE_SHARE = 0.05;

/** tf.data is "best" on throughput when its samples/s is at least this share of the fastest compared strategy (epoch times scatter by ~10 % on a loaded 2-core machine). */
export const THROUGHPUT_TIE_SHARE = 0.9;

/** An LSTM is "memory-hungry" next to dense when its activation bytes per sample are at least this many times dense's. */
export const HUNGRY_RATIO = 2;

/** With growth on, the GPU backend takes only what it needs: at most this share of the peak GPU memory it takes with growth off. */
export const GPU_GROWTH_SHARE = 0.75;

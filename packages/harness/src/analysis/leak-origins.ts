// Which origins the tensors that outlive their epochs come from: per origin, the live count at each epoch
// end after warm-up, fitted like the cell's tensorsPerEpoch (least squares over the same epochs), so the
// origins' slopes add up to the tensors the cell gains per epoch (less any made before training). Pure.
import { linearFit } from "@keras-mem-bench/metrics";
import type { LeakOrigin } from "@keras-mem-bench/results";
import type { OriginTally } from "../cell-protocol.js";

export interface EpochOrigins {
  epoch: number;
  origins: readonly OriginTally[];
}

function keyOf(o: OriginTally): string {
  return `${o.phase}|${o.op}|${o.layer ?? ""}|${o.layerClass ?? ""}|${o.stack ?? ""}`;
}

/**
 * Origins whose live tensors rise by at least `minCountSlope` per epoch after warm-up, most bytes first
 * (then most tensors, then by name so the order is stable). Null when no epoch was recorded after warm-up.
 */
export function leakOrigins(byEpoch: readonly EpochOrigins[], warmupEpochs: number, minCountSlope: number): LeakOrigin[] | null {
  const judged = byEpoch.filter((e) => e.epoch > warmupEpochs).sort((a, b) => a.epoch - b.epoch);
  if (judged.length < 2) return null;
  const epochs = judged.map((e) => e.epoch);
  const seen = new Map<string, OriginTally>();
  const live = judged.map((e) => {
    const at = new Map<string, OriginTally>();
    for (const tally of e.origins) {
      const key = keyOf(tally);
      at.set(key, tally);
      if (!seen.has(key)) seen.set(key, tally);
    }
    return at;
  });
  const found: LeakOrigin[] = [];
  for (const [key, origin] of seen) {
    const counts = live.map((at) => at.get(key)?.count ?? 0);
    const tensorsPerEpoch = linearFit(epochs, counts).slope;
    if (tensorsPerEpoch < minCountSlope || counts[counts.length - 1]! <= counts[0]!) continue;
    const bytesPerEpoch = linearFit(
      epochs,
      live.map((at) => at.get(key)?.bytes ?? 0),
    ).slope;
    found.push({
      phase: origin.phase,
      op: origin.op,
      layer: origin.layer,
      layerClass: origin.layerClass,
      tensorsPerEpoch,
      bytesPerEpoch,
      ...(origin.stack === undefined ? {} : { stack: origin.stack }),
    });
  }
  return found.sort(
    (a, b) => b.bytesPerEpoch - a.bytesPerEpoch || b.tensorsPerEpoch - a.tensorsPerEpoch || (keyOfLeak(a) < keyOfLeak(b) ? -1 : 1),
  );
}

function keyOfLeak(o: LeakOrigin): string {
  return `${o.phase}|${o.op}|${o.layer ?? ""}|${o.stack ?? ""}`;
}

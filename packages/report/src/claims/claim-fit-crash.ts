// "fit grows until it crashes": growth verdicts of every judged cell, and cells killed over a memory limit.
import type { Cell, ResultsFile } from "@keras-mem-bench/results";
import { bytes, peakRss, sameWorkload, STREAMING_STRATEGIES } from "./_claim-cells.js";
import type { ClaimResult } from "./claim-types.js";
import { notMeasured } from "./_not-measured.js";

const CLAIM = "Memory in fit keeps growing until the process runs out of memory and crashes.";

/** Codes of a cell that ended over a memory limit: the harness's --max-rss watchdog, or V8 / the OS out of memory. */
const OVER_MEMORY = new Set(["KMB_MAX_RSS", "KMB_OUT_OF_MEMORY"]);

export function fitCrashClaim(results: ResultsFile): ClaimResult {
  const base = { id: "fit-grows-until-crash" as const, claim: CLAIM };
  const cells = results.cells;
  const judged = cells.filter((c) => c.verdict !== null);
  const growing = judged.filter((c) => c.verdict === "growing" || c.verdict === "leaking");
  const overMemory = cells.filter((c) => c.status === "crashed" && OVER_MEMORY.has(c.error?.code ?? ""));
  if (judged.length === 0 && overMemory.length === 0) {
    return notMeasured(base, "no cell ran enough epochs after warm-up to judge growth (3 needed), and none hit a memory limit");
  }
  const stable = judged.length - growing.length;
  const figures = [
    `growth verdicts: ${stable} stable, ${growing.filter((c) => c.verdict === "growing").length} growing, ${growing.filter((c) => c.verdict === "leaking").length} leaking (of ${judged.length} judged cells)`,
  ];
  for (const cell of growing) figures.push(`${cell.id}: ${cell.verdict}${cell.verdictReason ? ` (${cell.verdictReason})` : ""}`);
  const fits = (crashed: Cell) =>
    cells.filter((s) => s.status === "ok" && STREAMING_STRATEGIES.includes(s.strategy) && sameWorkload(s, crashed));
  for (const cell of overMemory) {
    const streaming = fits(cell);
    figures.push(
      `${cell.id}: crashed (${cell.error?.code}) after ${cell.samples.length} finished epoch${cell.samples.length === 1 ? "" : "s"}${cell.error?.message ? `: ${cell.error.message}` : ""}` +
        (streaming.length > 0
          ? `; on the same work ${streaming.map((s) => `${s.strategy} fit (peak ${bytes(peakRss(s))})`).join(", ")}`
          : ""),
    );
  }
  const ids = [...growing, ...overMemory, ...overMemory.flatMap(fits)].map((c) => c.id);
  if (growing.length > 0) {
    return {
      ...base,
      verdict: "holds",
      reason: `${growing.length} of ${judged.length} judged cells keep growing after warm-up`,
      figures,
      cells: [...new Set(ids)],
    };
  }
  const loading = overMemory.filter((c) => c.strategy === "in-memory" && fits(c).length > 0);
  if (overMemory.length > 0) {
    const why =
      loading.length > 0
        ? `whole-array loading pushed ${loading.map((c) => c.id).join(", ")} over its limit while the streaming strategies on the same work fit`
        : `${overMemory.length} cell(s) hit a memory limit`;
    const growth = judged.length === 0 ? "no cell ran enough epochs to judge growth" : `no cell grows after warm-up (${stable} stable)`;
    return {
      ...base,
      verdict: "partly",
      reason: `${growth}, but ${why}: memory was too big from the start, it did not creep`,
      figures,
      cells: [...new Set(ids)],
    };
  }
  return {
    ...base,
    verdict: "does not hold",
    reason: `all ${judged.length} judged cells are stable after warm-up and none hit a memory limit`,
    figures,
    cells: judged.map((c) => c.id),
  };
}

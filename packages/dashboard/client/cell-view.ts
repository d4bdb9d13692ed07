// One cell in full: every trend metric across commits, its regressions, and the per-epoch
// curves of its newest run.
import { formatValue, MISSING } from "@keras-mem-bench/metrics/browser";
import type { CellSeries } from "../src/model-types.js";
import { cellTitle, type App } from "./app.js";
import { ATTENTION_LABEL, STRATEGY_HINTS } from "./colors.js";
import { commitLink } from "./commit-caption.js";
import { h, shortDate } from "./dom.js";
import { loadRun } from "./run-loader.js";
import { curveChartCard } from "./runs.js";
import { trendChartCard } from "./trends.js";

function markerTable(app: App, series: CellSeries): HTMLElement {
  if (series.markers.length === 0) return h("p", { class: "hint" }, "No regression markers for this cell.");
  const rows = [...series.markers].sort((a, b) => b.commit - a.commit);
  return h(
    "table",
    { class: "table" },
    h("caption", null, "Regressions of this cell, newest first"),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, "Commit"),
        h("th", { scope: "col" }, "Date"),
        h("th", { scope: "col" }, "Metric"),
        h("th", { scope: "col" }, "Change"),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((m) => {
        const commit = app.model.commits[m.commit];
        return h(
          "tr",
          { title: m.detail },
          h("td", null, commit ? commitLink(commit) : ""),
          h("td", null, commit ? shortDate(commit.committedAt) : ""),
          h("td", null, m.label),
          h("td", null, m.reason),
        );
      }),
    ),
  );
}

export function renderCell(app: App, main: HTMLElement): void {
  const { model, state } = app;
  const series = model.series.find((s) => s.id === state.cell);
  const back = h(
    "button",
    { type: "button", class: "link back", onclick: () => app.navigate({ view: "overview", cell: null }, "push") },
    "← All cells",
  );
  if (!series) {
    main.append(h("section", { class: "panel" }, back, h("p", { class: "empty" }, `No cell "${state.cell ?? ""}" in this history.`)));
    return;
  }
  const lastIndex = series.states.findLastIndex((s) => s !== null);
  const newest = series.states[lastIndex] ?? null;
  const charts = h("div", { class: "cards" });
  for (const metric of model.trendMetrics)
    charts.append(trendChartCard(app, metric.label, [series], metric.key, 180, () => series.strategy));
  const curves = h("div", { class: "cards" }, h("p", { class: "empty" }, "Loading the newest run…"));
  const latest = model.trendMetrics.map((m) =>
    h("div", null, h("dt", null, m.label), h("dd", null, formatValue(series.values[m.key][lastIndex] ?? null, m.unit))),
  );
  main.append(
    h(
      "section",
      { class: "panel", "aria-labelledby": "cell-title" },
      back,
      h(
        "h2",
        { id: "cell-title" },
        cellTitle(series),
        " ",
        h("span", { class: `badge badge-${series.attention}` }, ATTENTION_LABEL[series.attention]),
      ),
      h(
        "p",
        { class: "hint" },
        `${series.strategy}: ${STRATEGY_HINTS[series.strategy] ?? "custom strategy"}. Newest run: `,
        model.commits[lastIndex] ? commitLink(model.commits[lastIndex]) : MISSING,
        newest ? ` (${newest})` : "",
      ),
      h("dl", { class: "facts" }, latest),
      charts,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "cell-markers" },
      h("h2", { id: "cell-markers" }, "Regressions"),
      markerTable(app, series),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "cell-curves" },
      h("h2", { id: "cell-curves" }, "Per-epoch curves of the newest run"),
      curves,
    ),
  );
  if (lastIndex < 0) return;
  loadRun(model, lastIndex).then(
    (run) => {
      const cell = run.cells.find((c) => c.id === series.id);
      if (!cell || !curves.isConnected) return;
      const words = [
        cell.leakOrigins ? h("p", { class: "hint" }, h("strong", null, "Leak origins: "), cell.leakOrigins) : null,
        cell.growth ? h("p", { class: "hint" }, h("strong", null, "What grows: "), cell.growth) : null,
        cell.computeDevice ? h("p", { class: "hint" }, h("strong", null, "Computed on: "), cell.computeDevice) : null,
      ].filter((e): e is HTMLParagraphElement => e !== null);
      curves.replaceChildren(
        ...words,
        ...model.curveMetrics.filter((m) => cell.values[m.key]).map((m) => curveChartCard(app, m.label, [cell], m.key, 160)),
      );
    },
    (error: Error) => curves.replaceChildren(h("p", { class: "empty error" }, error.message)),
  );
}

// (d) Small multiples: one tile per cell, most urgent first, drawn only when scrolled near.
import { formatPercent, formatValue } from "@keras-mem-bench/metrics/browser";
import type { CellSeries, RegressionMarker } from "../src/model-types.js";
import { trendMetric, type App } from "./app.js";
import { ATTENTION_LABEL, strategyColor } from "./colors.js";
import { commitLink } from "./commit-caption.js";
import { cssVar, h, shortDate } from "./dom.js";
import { whenVisible } from "./lazy.js";
import { metricPanel } from "./metric-panel.js";
import { drawSparkline } from "./sparkline.js";

const FAILED = new Set(["crashed", "error", "unsupported"]);

function lastTwo(values: readonly (number | null)[]): [number | null, number | null] {
  let last: number | null = null;
  let previous: number | null = null;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] ?? null;
    if (v === null) continue;
    if (last === null) last = v;
    else {
      previous = v;
      break;
    }
  }
  return [last, previous];
}

function tile(app: App, series: CellSeries): HTMLElement {
  const { model, state } = app;
  const metric = trendMetric(model, state.metric);
  const values = series.values[metric.key];
  const [last, previous] = lastTwo(values);
  const relative = last !== null && previous !== null && previous !== 0 ? (last - previous) / Math.abs(previous) : null;
  const worse = relative !== null && (metric.better === "lower" ? relative > 0.005 : relative < -0.005);
  const better = relative !== null && (metric.better === "lower" ? relative < -0.005 : relative > 0.005);
  const markers = series.markers.filter((m) => m.metric === metric.key || m.metric === "status");
  const failures = series.states.flatMap((s, i) => (s !== null && FAILED.has(s) ? [i] : []));
  const latestState = series.states[series.states.length - 1];
  const color = strategyColor(series.strategy, model.axes.strategies);
  const why = series.markers.length
    ? `\nRegressions: ${series.markers.map((m) => `${model.commits[m.commit]?.label}: ${m.reason}`).join("; ")}`
    : "";

  const canvas = h("canvas", {
    class: "spark",
    role: "img",
    "aria-label": `${metric.label} of ${series.id} across ${model.commits.length} runs: latest ${formatValue(last, metric.unit)}${markers.length ? `, ${markers.length} regression marker${markers.length > 1 ? "s" : ""}` : ""}`,
  });
  const el = h(
    "button",
    {
      type: "button",
      class: `tile attention-${series.attention}`,
      "data-cell": series.id,
      "data-attention": series.attention,
      title: `${series.id} — ${ATTENTION_LABEL[series.attention]}${why}\nOpen this cell's trends`,
      onclick: () => app.navigate({ view: "cell", cell: series.id }, "push"),
    },
    h("span", { class: "tile-name" }, h("span", { class: "dot", style: `background:${color}` }), `${series.family} · ${series.strategy}`),
    h(
      "span",
      { class: "tile-sub" },
      `b${series.batchSize} · ${series.backend}`,
      // A cell that regressed by crashing says "crashed": the more useful word of the two.
      h(
        "span",
        { class: `badge badge-${series.attention}` },
        latestState && FAILED.has(latestState) ? latestState : ATTENTION_LABEL[series.attention],
      ),
    ),
    canvas,
    h(
      "span",
      { class: "tile-foot" },
      h("span", { class: "value" }, formatValue(last, metric.unit)),
      h(
        "span",
        { class: worse ? "delta worse" : better ? "delta better" : "delta" },
        relative === null ? "" : `${formatPercent(relative)} vs previous`,
      ),
    ),
  );
  const draw = () => {
    drawSparkline(canvas, values, {
      color,
      quiet: metric.quiet,
      markers: markers.map((m) => m.commit),
      failures,
      markerColor: cssVar("--danger", "#e03131"),
      baselineColor: cssVar("--grid-strong", "#ced4da"),
    });
    el.dataset.drawn = "1";
    app.drawn();
  };
  app.onTeardown(whenVisible(canvas, draw));
  return el;
}

function regressionList(app: App, shown: readonly CellSeries[]): HTMLElement | null {
  const { model } = app;
  // One row per cell and commit: a change usually moves several metrics at once.
  const rows: Array<{ series: CellSeries; commit: number; markers: RegressionMarker[] }> = [];
  for (const series of shown) {
    const byCommit = new Map<number, RegressionMarker[]>();
    for (const marker of series.markers) byCommit.set(marker.commit, [...(byCommit.get(marker.commit) ?? []), marker]);
    for (const [commit, markers] of byCommit) rows.push({ series, commit, markers });
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => b.commit - a.commit || a.series.id.localeCompare(b.series.id));
  const limit = 5;
  const list = h("ol", { class: "regressions" });
  const renderRows = (count: number) => {
    list.replaceChildren(
      ...rows.slice(0, count).map(({ series, commit: index, markers }) => {
        const commit = model.commits[index];
        return h(
          "li",
          { title: markers.map((m) => m.detail).join("\n") },
          commit ? commitLink(commit) : "",
          h("span", { class: "muted date" }, commit ? shortDate(commit.committedAt) : ""),
          h("button", { type: "button", class: "link", onclick: () => app.navigate({ view: "cell", cell: series.id }, "push") }, series.id),
          h("span", { class: "reason" }, markers.map((m) => m.reason).join("; ")),
        );
      }),
    );
  };
  renderRows(limit);
  const more =
    rows.length > limit
      ? h(
          "button",
          {
            type: "button",
            class: "link more",
            onclick: (event: Event) => {
              renderRows(rows.length);
              (event.currentTarget as HTMLElement).remove();
            },
          },
          `Show all ${rows.length}`,
        )
      : null;
  return h(
    "section",
    { class: "panel", "aria-labelledby": "regressions-title" },
    h("h2", { id: "regressions-title" }, `Regressions, newest first (${rows.length})`),
    list,
    more,
  );
}

export function renderOverview(app: App, main: HTMLElement, shown: readonly CellSeries[]): void {
  const metric = trendMetric(app.model, app.state.metric);
  const grid = h("ul", { class: "tiles", "aria-label": `${metric.label} per cell, most urgent first` });
  for (const series of shown) grid.append(h("li", null, tile(app, series)));
  main.append(
    regressionList(app, shown) ?? "",
    metricPanel(
      "tiles-title",
      `${metric.label} per cell across ${app.model.commits.length} runs`,
      metric.unit,
      "Most urgent first: regressed in the newest run, crashed, leaking, growing, then the rest. Red dots mark regressions, crosses mark crashes. Select a tile for its trends.",
      grid,
    ),
  );
}

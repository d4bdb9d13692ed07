// (b) One run's per-epoch curves: a chart per family × batch size × backend with a line per
// strategy, so whole arrays vs generator vs tf.data vs files is one glance.
import { axisLabel } from "@keras-mem-bench/metrics/browser";
import type { CellSeries, CurveMetricKey, RunCellCurves, RunCurves } from "../src/model-types.js";
import { groupByRun, groupKey } from "../src/series-filter.js";
import { groupTitle, type App } from "./app.js";
import { mountChart, type LineSpec, type PointMark } from "./charts.js";
import { STATE_LABEL, strategyColor } from "./colors.js";
import { commitLink } from "./commit-caption.js";
import { h, shortDate } from "./dom.js";
import { whenVisible } from "./lazy.js";
import { metricPanel } from "./metric-panel.js";
import { loadRun } from "./run-loader.js";

function curveMetric(app: App, key: CurveMetricKey) {
  const found = app.model.curveMetrics.find((m) => m.key === key) ?? app.model.curveMetrics[0];
  if (!found) throw new Error("the model lists no curve metrics");
  return found;
}

/** A chart of cells' per-epoch values, epochs on x; warm-up shaded. Shared with the cell view. */
export function curveChartCard(app: App, title: string, cells: readonly RunCellCurves[], key: CurveMetricKey, height: number): HTMLElement {
  const metric = curveMetric(app, key);
  const epochs = [...new Set(cells.flatMap((c) => c.epochs))].sort((a, b) => a - b);
  const lines: LineSpec[] = cells.map((cell) => {
    const at = new Map(cell.epochs.map((e, i) => [e, cell.values[key]?.[i] ?? null]));
    return {
      label: cell.strategy,
      color: strategyColor(cell.strategy, app.model.axes.strategies),
      values: epochs.map((e) => at.get(e) ?? null),
    };
  });
  const marks: PointMark[] = cells.flatMap((cell, line): PointMark[] => {
    if (cell.state !== "crashed" && cell.state !== "error") return [];
    const lastEpoch = cell.epochs[cell.epochs.length - 1];
    return lastEpoch === undefined
      ? []
      : [{ line, x: lastEpoch, y: cell.values[key]?.[cell.epochs.length - 1] ?? null, kind: "regression" }];
  });
  const warmup = Math.max(0, ...cells.map((c) => c.warmupEpochs));
  const states = h(
    "ul",
    { class: "states" },
    cells.map((cell) =>
      h(
        "li",
        { title: cell.error ?? "" },
        h("span", { class: "dot", style: `background:${strategyColor(cell.strategy, app.model.axes.strategies)}` }),
        `${cell.strategy}: `,
        h("span", { class: `badge badge-${cell.state}` }, STATE_LABEL[cell.state]),
      ),
    ),
  );
  const hasData = lines.some((l) => l.values.some((v) => v !== null));
  const chart = h("div", { class: "chart", style: `min-height:${height + 40}px` });
  const card = h(
    "figure",
    { class: "card", "data-group": title },
    h("figcaption", null, h("span", { class: "card-title" }, title)),
    hasData ? chart : h("p", { class: "empty" }, `${metric.label} was not recorded in this run.`),
    states,
  );
  if (hasData) {
    app.onTeardown(
      whenVisible(chart, () => {
        app.onTeardown(
          mountChart(chart, {
            xs: epochs,
            lines,
            marks,
            xLabel: "epoch",
            xTick: (e) => String(e),
            yLabel: axisLabel(metric.label, metric.unit),
            unit: metric.unit,
            quiet: metric.quiet,
            height,
            band: warmup > 0 ? { from: epochs[0] ?? 1, to: warmup } : null,
            ariaLabel: `${metric.label} in ${metric.unit} per epoch for ${title}: ${cells.map((c) => `${c.strategy} ${STATE_LABEL[c.state]}`).join(", ")}`,
            onDrawn: () => {
              card.dataset.drawn = "1";
              app.drawn();
            },
          }),
        );
      }),
    );
  }
  return card;
}

function runControls(app: App): HTMLElement {
  const { model, state } = app;
  const select = h(
    "select",
    { id: "run-commit", onchange: (e: Event) => app.navigate({ commit: Number((e.target as HTMLSelectElement).value) }, "replace") },
    [...model.commits.keys()].reverse().map((i) => {
      const c = model.commits[i];
      const option = h(
        "option",
        { value: i },
        c ? `${c.label} · ${shortDate(c.committedAt)}${c.message ? ` · ${c.message}` : ""}` : String(i),
      );
      option.selected = i === state.commit;
      return option;
    }),
  );
  const commit = model.commits[state.commit];
  return h("div", { class: "run-controls" }, h("label", { for: "run-commit" }, "Run"), select, commit ? commitLink(commit) : "");
}

function renderCurves(app: App, host: HTMLElement, run: RunCurves, shown: readonly CellSeries[]): void {
  const wanted = new Set(shown.map((s) => s.id));
  const cells = run.cells.filter((c) => wanted.has(c.id));
  const byGroup = new Map<string, RunCellCurves[]>();
  for (const cell of cells) {
    const key = groupKey(cell);
    byGroup.set(key, [...(byGroup.get(key) ?? []), cell]);
  }
  const strategies = app.model.axes.strategies;
  // groupByRun gives the page's group order; the run's own cells fill each group.
  const groups = groupByRun(shown, app.model.axes).filter((g) => byGroup.has(g.key));
  const grid = h("div", { class: "cards" });
  for (const group of groups) {
    const members = (byGroup.get(group.key) ?? []).sort((a, b) => strategies.indexOf(a.strategy) - strategies.indexOf(b.strategy));
    grid.append(curveChartCard(app, groupTitle(group), members, app.state.curve, 220));
  }
  host.replaceChildren(groups.length ? grid : h("p", { class: "empty" }, "None of the selected cells ran in this run."));
}

export function renderRuns(app: App, main: HTMLElement, shown: readonly CellSeries[]): void {
  const metric = curveMetric(app, app.state.curve);
  const host = h("div", { class: "run-host", "aria-busy": "true" }, h("p", { class: "empty" }, "Loading the run…"));
  main.append(
    metricPanel(
      "runs-title",
      `${metric.label} per epoch`,
      metric.unit,
      `${metric.description} One chart per family, batch size and backend; one line per strategy. The shaded epochs are warm-up, left out of the growth slopes.`,
      runControls(app),
      host,
    ),
  );
  const commit = app.state.commit;
  loadRun(app.model, commit).then(
    (run) => {
      if (app.state.view !== "runs" || app.state.commit !== commit || !host.isConnected) return;
      host.removeAttribute("aria-busy");
      renderCurves(app, host, run, shown);
    },
    (error: Error) => {
      host.removeAttribute("aria-busy");
      host.replaceChildren(h("p", { class: "empty error" }, error.message));
    },
  );
}

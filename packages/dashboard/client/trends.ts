// (a) Trends: one chart per family × batch size × backend, one line per strategy, commits on x,
// regression markers on the lines, the commit under the cursor linked below.
import { axisLabel } from "@keras-mem-bench/metrics/browser";
import type { CellSeries, TrendMetricKey } from "../src/model-types.js";
import { groupByRun } from "../src/series-filter.js";
import { groupTitle, trendMetric, type App } from "./app.js";
import { mountChart, type LineSpec, type PointMark } from "./charts.js";
import { strategyColor } from "./colors.js";
import { commitCaption } from "./commit-caption.js";
import { h } from "./dom.js";
import { whenVisible } from "./lazy.js";
import { metricPanel } from "./metric-panel.js";

const FAILED = new Set(["crashed", "error", "unsupported"]);

/** Lines and marks for series drawn against commits; shared with the cell view. */
export function trendLines(
  app: App,
  series: readonly CellSeries[],
  metric: TrendMetricKey,
  label: (s: CellSeries) => string,
  color: (s: CellSeries) => string,
) {
  const lines: LineSpec[] = series.map((s) => ({ label: label(s), color: color(s), values: s.values[metric] }));
  const marks: PointMark[] = series.flatMap((s, line) => [
    ...s.markers
      .filter((m) => m.metric === metric)
      .map((m): PointMark => ({ line, x: m.commit, y: s.values[metric][m.commit] ?? null, kind: "regression" })),
    ...s.states.flatMap((state, x): PointMark[] => (state !== null && FAILED.has(state) ? [{ line, x, y: null, kind: "failure" }] : [])),
  ]);
  return { lines, marks };
}

export function trendChartCard(
  app: App,
  title: string,
  series: readonly CellSeries[],
  metricKey: TrendMetricKey,
  height: number,
  label: (s: CellSeries) => string,
): HTMLElement {
  const { model } = app;
  const metric = trendMetric(model, metricKey);
  const { lines, marks } = trendLines(app, series, metricKey, label, (s) => strategyColor(s.strategy, model.axes.strategies));
  const caption = commitCaption(model.commits);
  const chart = h("div", { class: "chart", style: `min-height:${height + 40}px` });
  const regressions = marks.filter((m) => m.kind === "regression").length;
  const card = h(
    "figure",
    { class: "card", "data-group": title },
    h(
      "figcaption",
      null,
      h("span", { class: "card-title" }, title),
      regressions ? h("span", { class: "badge badge-regressed" }, `${regressions} regression${regressions > 1 ? "s" : ""}`) : "",
    ),
    chart,
    caption.el,
  );
  app.onTeardown(
    whenVisible(chart, () => {
      const dispose = mountChart(chart, {
        xs: model.commits.map((_c, i) => i),
        lines,
        marks,
        xLabel: "commit",
        xTick: (i) => model.commits[i]?.label ?? "",
        yLabel: axisLabel(metric.label, metric.unit),
        unit: metric.unit,
        quiet: metric.quiet,
        height,
        ariaLabel: `${metric.label} in ${metric.unit} across ${model.commits.length} commits for ${title}: ${series.map(label).join(", ")}; ${regressions} regression markers`,
        onCursor: (i) => caption.show(i),
        onDrawn: () => {
          card.dataset.drawn = "1";
          app.drawn();
        },
      });
      app.onTeardown(dispose);
    }),
  );
  return card;
}

export function renderTrends(app: App, main: HTMLElement, shown: readonly CellSeries[]): void {
  const { model, state } = app;
  const metric = trendMetric(model, state.metric);
  const groups = groupByRun(shown, model.axes);
  const grid = h("div", { class: "cards" });
  for (const group of groups) grid.append(trendChartCard(app, groupTitle(group), group.series, metric.key, 220, (s) => s.strategy));
  main.append(
    metricPanel(
      "trends-title",
      `${metric.label} across commits`,
      metric.unit,
      `${metric.description} One chart per family, batch size and backend; one line per strategy. Triangles mark regressions, crosses crashes. Click a chart to hold the cursor, then follow the commit link.`,
      grid,
    ),
  );
}

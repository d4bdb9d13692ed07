// (c) Filters: family, strategy, batch size, backend, "needs attention", and the metric.
import type { CellSeries } from "../src/model-types.js";
import { allOf, type SeriesFilter } from "../src/series-filter.js";
import type { App } from "./app.js";
import { STRATEGY_HINTS, strategyColor } from "./colors.js";
import { h } from "./dom.js";

type AxisKey = "families" | "strategies" | "batchSizes" | "backends";

const AXES: Array<{ key: AxisKey; legend: string; field: keyof CellSeries; format: (v: string | number) => string }> = [
  { key: "families", legend: "Family", field: "family", format: String },
  { key: "strategies", legend: "Strategy", field: "strategy", format: String },
  { key: "batchSizes", legend: "Batch size", field: "batchSize", format: (v) => `b${v}` },
  { key: "backends", legend: "Backend", field: "backend", format: String },
];

function toggled<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

function axisFieldset(app: App, axis: (typeof AXES)[number]): HTMLElement {
  const { model, state } = app;
  const all = model.axes[axis.key] as readonly (string | number)[];
  const selected = new Set(state.filter[axis.key] as readonly (string | number)[]);
  const setAxis = (values: (string | number)[]) =>
    app.navigate({ filter: { ...state.filter, [axis.key]: values } as SeriesFilter }, "replace");
  const chips = all.map((value) => {
    const id = `f-${axis.key}-${value}`;
    const count = model.series.filter((s) => s[axis.field] === value).length;
    const input = h("input", {
      type: "checkbox",
      id,
      value: String(value),
      onclick: (event: Event) => {
        const on = (event.target as HTMLInputElement).checked;
        // Alt-click keeps only this value: the quickest way to "just LSTM".
        setAxis((event as MouseEvent).altKey ? [value] : toggled(state.filter[axis.key] as (string | number)[], value, on, all));
      },
    });
    input.checked = selected.has(value);
    const hint = axis.key === "strategies" ? STRATEGY_HINTS[String(value)] : undefined;
    return h(
      "label",
      { class: "chip", for: id, title: `${hint ? `${hint}. ` : ""}${count} cells. Alt-click: only this one.` },
      input,
      axis.key === "strategies"
        ? h("span", { class: "dot", style: `background:${strategyColor(String(value), model.axes.strategies)}` })
        : "",
      axis.format(value),
    );
  });
  const allSelected = selected.size === all.length;
  return h(
    "fieldset",
    { class: "chips", "data-axis": axis.key },
    h("legend", null, axis.legend),
    chips,
    allSelected ? "" : h("button", { type: "button", class: "link", id: `f-${axis.key}-all`, onclick: () => setAxis([...all]) }, "all"),
  );
}

function metricChooser(app: App): HTMLElement {
  const { model, state } = app;
  const curves = state.view === "runs";
  const options = curves ? model.curveMetrics : model.trendMetrics;
  const current = curves ? state.curve : state.metric;
  return h(
    "fieldset",
    { class: "segmented", "data-axis": "metric" },
    h("legend", null, curves ? "Per-epoch metric" : "Metric"),
    options.map((m) => {
      const id = `m-${m.key}`;
      const input = h("input", {
        type: "radio",
        name: "metric",
        id,
        value: m.key,
        onchange: () => app.navigate(curves ? { curve: m.key as typeof state.curve } : { metric: m.key as typeof state.metric }, "replace"),
      });
      input.checked = m.key === current;
      return h("label", { for: id, title: `${m.description} (${m.unit})` }, input, h("span", null, m.label));
    }),
  );
}

export function renderFilters(app: App, host: HTMLElement, shown: number): void {
  const { model, state } = app;
  const focused = document.activeElement?.id;
  const attention = h("input", {
    type: "checkbox",
    id: "f-attention",
    onchange: (e: Event) => app.navigate({ filter: { ...state.filter, attentionOnly: (e.target as HTMLInputElement).checked } }, "replace"),
  });
  attention.checked = state.filter.attentionOnly;
  const isDefault = JSON.stringify(state.filter) === JSON.stringify(allOf(model.axes));
  host.replaceChildren(
    h(
      "div",
      { class: "filter-row" },
      AXES.map((axis) => axisFieldset(app, axis)),
    ),
    h(
      "div",
      { class: "filter-row" },
      state.view === "cell" ? "" : metricChooser(app),
      h(
        "label",
        { class: "toggle", for: "f-attention", title: "Cells that regressed at some commit, or crash, leak or grow in the newest run" },
        attention,
        "Needs attention only",
      ),
      h(
        "p",
        { class: "count", id: "shown-count", "aria-live": "polite" },
        `Showing ${shown} of ${model.series.length} cells`,
        isDefault
          ? ""
          : h(
              "button",
              { type: "button", class: "link", id: "f-reset", onclick: () => app.navigate({ filter: allOf(model.axes) }, "replace") },
              "reset",
            ),
      ),
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
}

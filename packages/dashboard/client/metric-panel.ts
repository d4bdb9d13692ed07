// The panel every metric view opens with: a heading naming the metric and its unit, a one-line hint,
// then the view's body. One builder keeps the views' headings and their labelling alike.
import { h } from "./dom.js";

type Body = Node | string;

export function metricPanel(id: string, title: string, unit: string, hint: string, ...body: Body[]): HTMLElement {
  return h(
    "section",
    { class: "panel", "aria-labelledby": id },
    h("h2", { id }, title, h("span", { class: "unit" }, ` (${unit})`)),
    h("p", { class: "hint" }, hint),
    ...body,
  );
}

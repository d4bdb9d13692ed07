// (e) The newest run as a picture: a heatmap of family × strategy × batch size for the chosen figure (the same SVG
// the README embeds, drawn by the report package at build time), and the articles' claims checked on that run.
import type { MatrixView } from "../src/model-types.js";
import type { App } from "./app.js";
import { commitLink } from "./commit-caption.js";
import { h } from "./dom.js";

const VERDICT_CLASS: Record<MatrixView["claims"][number]["verdict"], string> = {
  holds: "badge-stable",
  "does not hold": "badge-crashed",
  partly: "badge-growing",
  "not measured here": "badge-synthetic",
};

function heatmapPicture(svg: string): HTMLElement {
  // Parsed as SVG, not HTML: the renderer escaped every name, and nothing here runs as script.
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const figure = h("div", { class: "heatmap" });
  figure.append(document.importNode(doc.documentElement, true));
  return figure;
}

function claimsTable(claims: MatrixView["claims"]): HTMLElement {
  return h(
    "table",
    { class: "table claims" },
    h(
      "thead",
      null,
      h("tr", null, h("th", null, "claim"), h("th", null, "verdict"), h("th", null, "why and figures"), h("th", null, "cells")),
    ),
    h(
      "tbody",
      null,
      claims.map((c) =>
        h(
          "tr",
          { "data-claim": c.id },
          h("td", null, c.claim),
          h("td", null, h("span", { class: `badge ${VERDICT_CLASS[c.verdict]}` }, c.verdict)),
          h(
            "td",
            null,
            h("div", null, c.reason),
            c.figures.length > 0
              ? h(
                  "ul",
                  { class: "figures" },
                  c.figures.map((f) => h("li", null, f)),
                )
              : "",
          ),
          h("td", { class: "cells" }, c.cells.join(", ") || "—"),
        ),
      ),
    ),
  );
}

export function renderMatrix(app: App, main: HTMLElement): void {
  const { model, state } = app;
  const matrix = model.matrix;
  if (!matrix) {
    main.append(h("p", { class: "empty" }, "No run to draw."));
    return;
  }
  const chosen = matrix.heatmaps.find((m) => m.key === state.heatmap) ?? matrix.heatmaps[0];
  const commit = model.commits[matrix.commit];
  const picker = h(
    "div",
    { class: "segmented", role: "group", "aria-label": "figure" },
    matrix.heatmaps.map((m) =>
      h(
        "button",
        {
          type: "button",
          class: "tab",
          "aria-pressed": m.key === chosen?.key ? "true" : "false",
          "data-heatmap": m.key,
          onclick: () => app.navigate({ heatmap: m.key }),
        },
        m.label,
      ),
    ),
  );
  main.append(
    h(
      "section",
      { class: "panel" },
      h("h2", null, "The matrix ", h("span", { class: "unit" }, "newest run "), commit ? commitLink(commit) : ""),
      h(
        "p",
        { class: "hint" },
        "Family × strategy × batch size of one run; each square is coloured on one scale from 0 to the largest value. The filters above do not apply here.",
      ),
      h("div", { class: "run-controls" }, picker),
      chosen ? heatmapPicture(chosen.svg) : h("p", { class: "empty" }, "No heatmap in this model."),
    ),
    h(
      "section",
      { class: "panel" },
      h("h2", null, "The articles' claims ", h("span", { class: "unit" }, "checked on this run")),
      h(
        "p",
        { class: "hint" },
        "Claims a run's cells cannot answer say what they need; `pnpm bench claims` runs the claims suite that answers all it can on this machine.",
      ),
      claimsTable(matrix.claims),
    ),
  );
  app.drawn();
}

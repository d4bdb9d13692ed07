// The page shell. Everything it needs sits next to it or inside it: the site works offline,
// from file:// and from GitHub Pages, with no request leaving the site.

export interface HtmlShellOptions {
  title: string;
  /** Inlined, so the first paint needs no extra request. */
  css: string;
  scriptFile: string;
  dataFile: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function renderHtml(options: HtmlShellOptions): string {
  if (/<\/style/i.test(options.css)) throw new Error("renderHtml: the CSS contains </style, which would end the inline style element");
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · memory dashboard</title>
<link rel="icon" href="data:,">
<style>${options.css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the charts</a>
<header class="top">
  <div class="brand">
    <h1>${title}</h1>
    <p id="summary" class="summary" aria-live="polite"></p>
  </div>
  <nav id="tabs" class="tabs" aria-label="Views"></nav>
</header>
<section id="filters" class="filters" aria-label="Filters"></section>
<main id="main" tabindex="-1"><p class="empty">Loading…</p></main>
<footer id="footer" class="footer"></footer>
<noscript><p class="empty">This dashboard draws its charts with JavaScript; please enable it.</p></noscript>
<script src="${escapeHtml(options.dataFile)}"></script>
<script src="${escapeHtml(options.scriptFile)}"></script>
</body>
</html>
`;
}

// Cell-id globs for per-cell thresholds. Cell ids are slash-separated (family/strategy/b<batch>/backend
// [/growth-on]), so `*` stays within one segment and `**` crosses segments, as in .gitignore.

/** Compiles a glob: `*` = any characters but `/`, `**` = any characters, `?` = one character but `/`. */
export function compileCellPattern(pattern: string): RegExp {
  let source = "";
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    if (c === "*" && pattern[k + 1] === "*") {
      source += ".*";
      k++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export function matchesCellPattern(pattern: string, id: string): boolean {
  return compileCellPattern(pattern).test(id);
}

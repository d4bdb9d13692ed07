// The claims as terminal text: one block per claim (verdict, claim, why, figures, cells). Pure.
import { stripControl } from "../render-terminal.js";
import type { ClaimResult, ClaimVerdict } from "./claim-types.js";
import { CLAIM_VERDICTS } from "./claim-types.js";

export interface ClaimsTerminalOptions {
  color?: boolean;
  /**
   * Only the claims this run's cells could answer, without figures and cell lists, and a pointer to
   * `pnpm bench claims` for the rest: the few lines that end every `pnpm bench` run.
   */
  answeredOnly?: boolean;
}

const ANSI = { green: "\u001b[32m", red: "\u001b[31m", yellow: "\u001b[33m", dim: "\u001b[2m", reset: "\u001b[0m" } as const;
const COLOR: Record<ClaimVerdict, keyof typeof ANSI> = {
  holds: "green",
  "does not hold": "red",
  partly: "yellow",
  "not measured here": "dim",
};
const WIDTH = Math.max(...CLAIM_VERDICTS.map((v) => v.length));

/** "3 hold · 2 partly · 1 does not hold · 2 not measured here", in verdict order, skipping verdicts nobody got. */
export function claimsTally(claims: readonly ClaimResult[]): string {
  return CLAIM_VERDICTS.map((v) => [v, claims.filter((c) => c.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v === "holds" && n > 1 ? "hold" : v}`)
    .join(" · ");
}

export function renderClaimsTerminal(claims: readonly ClaimResult[], options: ClaimsTerminalOptions = {}): string {
  const paint = (text: string, color: keyof typeof ANSI) => (options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text);
  const indent = " ".repeat(WIDTH + 2);
  const shown = options.answeredOnly ? claims.filter((c) => c.verdict !== "not measured here") : claims;
  const lines = [options.answeredOnly ? `Claims these cells answer: ${claimsTally(shown) || "none"}` : `Claims: ${claimsTally(claims)}`];
  for (const claim of shown) {
    lines.push("", `${paint(claim.verdict.padEnd(WIDTH), COLOR[claim.verdict])}  ${claim.claim}`, `${indent}${stripControl(claim.reason)}`);
    if (options.answeredOnly) continue;
    for (const figure of claim.figures) lines.push(`${indent}· ${stripControl(figure)}`);
    if (claim.cells.length > 0) lines.push(paint(`${indent}cells: ${stripControl(claim.cells.join(", "))}`, "dim"));
  }
  const unanswered = claims.length - shown.length;
  if (options.answeredOnly) {
    lines.push(
      "",
      `${unanswered > 0 ? `${unanswered} more claim${unanswered === 1 ? " needs" : "s need"} other cells: ` : ""}run \`kmb claims\` (in this repository \`pnpm bench claims\`) for every claim with its figures (the built-in claims suite).`,
    );
  }
  return lines.join("\n");
}

/** A dashboard build that cannot go on; `code` is stable for scripts, the message names the input. */
export class DashboardError extends Error {
  constructor(
    readonly code: "KMB_DASHBOARD_ARGS" | "KMB_DASHBOARD_NO_RUNS" | "KMB_DASHBOARD_HISTORY",
    message: string,
  ) {
    super(message);
    this.name = "DashboardError";
  }
}

// Per-epoch curves live in one script per run (data/run-<i>.js calling window.__kmbRun), loaded
// when a view needs them: scripts, not fetch(), so the site also works opened from file://.
import type { DashboardModel, RunCurves } from "../src/model-types.js";

declare global {
  interface Window {
    __kmbModel?: DashboardModel;
    __kmbRun?: (payload: RunCurves) => void;
  }
}

const loaded = new Map<number, Promise<RunCurves>>();
const waiting = new Map<number, (payload: RunCurves) => void>();

window.__kmbRun = (payload) => {
  waiting.get(payload.commit)?.(payload);
  waiting.delete(payload.commit);
};

export function loadRun(model: DashboardModel, commit: number): Promise<RunCurves> {
  const cached = loaded.get(commit);
  if (cached) return cached;
  const info = model.commits[commit];
  if (!info) return Promise.reject(new Error(`no run at index ${commit}`));
  const promise = new Promise<RunCurves>((resolve, reject) => {
    waiting.set(commit, resolve);
    const script = document.createElement("script");
    script.src = info.runFile;
    script.onerror = () => {
      waiting.delete(commit);
      loaded.delete(commit);
      reject(new Error(`could not load ${info.runFile} (run of ${info.label})`));
    };
    document.head.append(script);
  });
  loaded.set(commit, promise);
  return promise;
}

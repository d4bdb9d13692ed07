/** The axes that name a cell. Extra axes (e.g. the GPU allocator) append to the id only when set. */
export interface CellKey {
  family: string;
  strategy: string;
  batchSize: number;
  backend: string;
  gpuMemoryGrowth?: boolean | null;
}

/** Stable cell id used to match cells across runs: family/strategy/b<batch>/backend[/growth-on|growth-off]. */
export function cellId(key: CellKey): string {
  const base = `${key.family}/${key.strategy}/b${key.batchSize}/${key.backend}`;
  if (key.gpuMemoryGrowth === true) return `${base}/growth-on`;
  if (key.gpuMemoryGrowth === false) return `${base}/growth-off`;
  return base;
}

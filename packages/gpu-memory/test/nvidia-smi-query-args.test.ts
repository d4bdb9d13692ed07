import { expect, it } from "vitest";
import { COMPUTE_APPS_ARGS, GPU_QUERY_ARGS } from "../src/index.js";

it("each parser asks nvidia-smi for exactly the fields it parses", () => {
  expect(GPU_QUERY_ARGS).toEqual(["--query-gpu=index,uuid,name,memory.total,memory.used,driver_version", "--format=csv,noheader,nounits"]);
  expect(COMPUTE_APPS_ARGS).toEqual(["--query-compute-apps=pid,gpu_uuid,used_memory", "--format=csv,noheader,nounits"]);
});

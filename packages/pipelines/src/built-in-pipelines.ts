import type { DatasetStrategy, PipelineFactory } from "./pipeline.js";
import { inMemoryPipeline } from "./in-memory-pipeline.js";
import { generatorPipeline } from "./generator-pipeline.js";
import { tfDataPipeline } from "./tf-data-pipeline.js";
import { fileStreamPipeline } from "./file-stream-pipeline.js";

export const builtInPipelines: Record<DatasetStrategy, PipelineFactory> = {
  "in-memory": inMemoryPipeline,
  generator: generatorPipeline,
  "tf-data": tfDataPipeline,
  "file-stream": fileStreamPipeline,
};

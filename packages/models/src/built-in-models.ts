import type { LayerFamily } from "./layer-family.js";
import type { ModelSpec } from "./model-spec.js";
import { denseModel } from "./dense-model.js";
import { lstmModel } from "./lstm-model.js";
import { convModel, depthwiseConvModel } from "./conv-model.js";

export const builtInModels: Record<LayerFamily, ModelSpec> = {
  dense: denseModel,
  lstm: lstmModel,
  conv: convModel,
  "depthwise-conv": depthwiseConvModel,
};

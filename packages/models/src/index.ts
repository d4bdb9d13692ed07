export { LAYER_FAMILIES } from "./layer-family.js";
export type { LayerFamily } from "./layer-family.js";
export type { ModelSpec } from "./model-spec.js";
export { denseModel } from "./dense-model.js";
export { lstmModel } from "./lstm-model.js";
export { convModel, depthwiseConvModel, brightestQuadrant } from "./conv-model.js";
export { builtInModels } from "./built-in-models.js";
export { parameterCount } from "./parameter-count.js";

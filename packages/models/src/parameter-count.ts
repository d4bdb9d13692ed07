import type { LayersModel } from "@tensorflow/tfjs-layers";

/** Trainable plus non-trainable weights, as Keras' `model.summary()` totals them. */
export function parameterCount(model: LayersModel): number {
  return model.countParams();
}

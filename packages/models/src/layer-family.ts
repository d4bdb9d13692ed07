export const LAYER_FAMILIES = ["dense", "lstm", "conv", "depthwise-conv"] as const;
export type LayerFamily = (typeof LAYER_FAMILIES)[number];

import { tf } from "./_backends.js";

/**
 * The cpu backend's depthwise backprop kernels ignore dilation, so the reference for a dilated case is
 * the undilated kernel on the equivalent filter: taps `d` apart with zeros between ([Fh,Fw] → [(Fh-1)d+1, (Fw-1)d+1]).
 */
export function dilateFilter(filter: tf.Tensor4D, [dh, dw]: [number, number]): tf.Tensor4D {
  const [fh, fw, c, m] = filter.shape;
  const spread = tf.pad(tf.reshape(filter, [fh, 1, fw, 1, c, m]), [
    [0, 0],
    [0, dh - 1],
    [0, 0],
    [0, dw - 1],
    [0, 0],
    [0, 0],
  ]);
  const stuffed = tf.reshape(spread, [fh * dh, fw * dw, c, m]) as tf.Tensor4D;
  return tf.slice(stuffed, [0, 0, 0, 0], [(fh - 1) * dh + 1, (fw - 1) * dw + 1, c, m]);
}

/** The taps of an effective-size filter gradient that belong to the real (dilated) filter. */
export function undilateFilter(grad: tf.Tensor4D, [dh, dw]: [number, number]): tf.Tensor4D {
  const [h, w, c, m] = grad.shape;
  return tf.stridedSlice(grad, [0, 0, 0, 0], [h, w, c, m], [dh, dw, 1, 1]) as tf.Tensor4D;
}

export function pairOf(value: number | [number, number] | undefined): [number, number] {
  if (value === undefined) return [1, 1];
  return typeof value === "number" ? [value, value] : value;
}

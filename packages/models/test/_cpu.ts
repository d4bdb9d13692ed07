import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";

export async function useCpu(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}

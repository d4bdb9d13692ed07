// The catalogue's metric names on their own, without the readers: browser code (the dashboard's
// client) types its data by them without loading the results types.

/** Names of the per-cell metrics; the same names as in the results file's summary where one exists. */
export type MetricKey =
  | "peakRssBytes"
  | "retainedBytes"
  | "rssBytesPerEpoch"
  | "tensorsPerEpoch"
  | "dataIdsPerEpoch"
  | "numBytesPerEpoch"
  | "meanEpochMs"
  | "epochCpuMs"
  | "samplesPerSecond"
  | "peakGpuUsedBytes"
  | "peakStepTensorBytes"
  | "peakActivationBytes"
  | "datasetTensorBytes"
  | "weightBytes"
  | "optimizerStateBytes";

/** Names of the per-epoch readings drawn as curves; the same names as in EpochSample. */
export type EpochMetricKey = "rssBytes" | "heapUsedBytes" | "numTensors" | "numBytes" | "stepPeakBytes" | "wasmHeapBytes" | "timeMs";

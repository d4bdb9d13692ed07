// The one error of matrix selection: a --filter or --shard that does not fit the matrix.
/** A filter or shard that does not fit the matrix; the message names the flag and the value. */
export class MatrixSelectionError extends Error {
  readonly code = "KMB_MATRIX_SELECTION";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "MatrixSelectionError";
}

/** Bad command-line input (a flag, its value, a file it names); the command prints the message and exits 2. */
export class UsageError extends Error {
  readonly code = "KMB_USAGE";
  // Error takes the message; the name is spelled out because bundling may rename the class.
  override readonly name = "UsageError";
}

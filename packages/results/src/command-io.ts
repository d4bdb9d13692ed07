// Where a command-line command writes. Every CLI (kmb run / compare / merge, pnpm dashboard) takes one, so the
// same command runs in a terminal, in CI, and inside a test that captures its output as text.
export interface CommandIo {
  /** What the command produces (tables, lists, reports): what a user redirects to a file. */
  stdout: (text: string) => void;
  /** Progress, notes and error messages. */
  stderr: (text: string) => void;
  /** Colour on stdout by default: it is a terminal and NO_COLOR is unset (a --color / --no-color flag still wins). */
  color: boolean;
  /** stderr is a terminal outside CI: a status line can be redrawn in place there instead of printing a line per update. */
  interactive: boolean;
  /** stderr's width in columns right now (terminals get resized), or undefined when it has none. */
  stderrColumns: () => number | undefined;
}

/** The process's own stdout and stderr. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env["NO_COLOR"],
    interactive: process.stderr.isTTY === true && !process.env["CI"],
    stderrColumns: () => process.stderr.columns,
  };
}

/** Keeps what a command writes as text (`out`, `err`): for tests, and for programs that run a command and read its output. */
export function bufferedIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    color: false,
    interactive: false,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    stderrColumns: () => undefined,
  };
  return io;
}

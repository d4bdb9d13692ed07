// Entry point of the bundled action (dist/index.js). Everything happens in run().
import { run } from "./run.js";

void run();

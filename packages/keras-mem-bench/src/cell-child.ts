// Entry of a cell's process in the published package: the harness's cell process, compiled.
import "@keras-mem-bench/harness/cell-child";

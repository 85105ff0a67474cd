// CPU time of this process's main thread alone (Linux /proc), apart from its worker threads: with
// workers preparing articles, an idle machine's build wall time is about the larger of the main
// thread's CPU and the workers' CPU divided among the cores.
import { readFileSync } from "node:fs";

/** Milliseconds, or undefined where /proc is not there. */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

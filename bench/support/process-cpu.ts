import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process CPU time in clock ticks; 100 per second on every common kernel build. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) another process has used so far, from /proc. Sampled before and
 * after the measured window it tells whether the API was saturating its one JavaScript thread;
 * undefined where /proc is not available.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) of these processes and all their descendants (the default start: the launcher,
 * the API and the worker beside it), from /proc; undefined where /proc is not available.
 */
export function processTreeCpuMs(pids: number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const own = processCpuMs(pid);
    if (own === undefined) return undefined;
    total += own + (processTreeCpuMs(childrenOf(pid)) ?? 0);
  }
  return total;
}

/**
 * CPU time (ms) of each process of the trees, by what it runs (the script's file name, e.g.
 * `main.js` of apps/api and of apps/worker told apart by their directory): for the default start,
 * how much the worker takes beside the API.
 */
export function processTreeCpuByName(pids: number[]): Map<string, number> {
  const byName = new Map<string, number>();
  const visit = (pid: number) => {
    const cpu = processCpuMs(pid);
    if (cpu === undefined) return;
    const name = scriptOf(pid);
    byName.set(name, (byName.get(name) ?? 0) + cpu);
    for (const child of childrenOf(pid)) visit(child);
  };
  for (const pid of pids) visit(pid);
  return byName;
}

function scriptOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const script = args.find((a) => a.endsWith('.js')) ?? args[0];
    return script.split('/').slice(-3).join('/');
  } catch {
    return String(pid);
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((id) => id !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** CPU time of this process (the load generator), ms. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

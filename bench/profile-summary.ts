import { readFileSync } from 'node:fs';

/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [--top=25] [--last=8] [--callers=name]`:
 * where a V8 CPU profile (from BENCH_API_CPU_PROF_DIR) spent its time, as text: self time per
 * package (or app library) and per function, and inclusive time per function. Self time tells
 * what is slow; inclusive time tells which layer the slow parts sit under. `--last=8` keeps only
 * the final 8 s (the measured window: the API is stopped right after it), leaving out start-up
 * and setup; `--callers=deprecate` shows who calls the functions whose name contains it.
 *
 * Samples are wall-clock: time the thread spends blocked in a native call (an fsync in a SQLite
 * commit) is charged to the JavaScript function that made it.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

function functionKey({ functionName, url, lineNumber }: CallFrame): string {
  return `${functionName || '(anonymous)'}  ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}

/** The package (scoped ones included), the app library, node's own code, or a V8 pseudo-frame. */
function area({ functionName, url }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const app = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  return app ? app[1] : url;
}

function addTo(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function main(): void {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write(
      'usage: node dist/bench/profile-summary.js <file.cpuprofile> [--top=25] [--last=s] [--callers=name]\n',
    );
    process.exit(2);
  }
  const top = Number(option('top', '25'));
  const lastUs = Number(option('last', 'Infinity')) * 1e6;
  const callersOf = option('callers', '');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const totalUs = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const callers = new Map<string, number>();
  let total = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const node = byId.get(id);
    if (!node || at < totalUs - lastUs) return;
    total += us;
    addTo(self, functionKey(node.callFrame), us);
    addTo(selfByArea, area(node.callFrame), us);
    // Each function once per sample, so recursion does not count twice.
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const key = functionKey(n.callFrame);
      if (!seen.has(key)) addTo(inclusive, key, us);
      seen.add(key);
      const caller = byId.get(parent.get(n.id) ?? -1);
      if (callersOf && caller && n.callFrame.functionName.includes(callersOf)) {
        addTo(callers, `${functionKey(n.callFrame)}  <-  ${functionKey(caller.callFrame)}`, us);
      }
    }
  });

  const busy = total - (selfByArea.get('(idle)') ?? 0);
  const print = (title: string, map: Map<string, number>, filter: (key: string) => boolean = () => true) => {
    console.log(`\n${title}`);
    [...map.entries()]
      .filter(([key]) => filter(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([key, us]) =>
        console.log(
          `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${key}`,
        ),
      );
  };
  console.log(
    `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle (% below: of not idle)`,
  );
  print('self time by package / library', selfByArea);
  print('self time by function', self);
  const pseudo = /^\((root|program|idle|garbage collector)\)/;
  print('inclusive time by function', inclusive, (key) => !pseudo.test(key));
  if (callersOf) print(`callers of functions named *${callersOf}* (inclusive)`, callers);
}

main();

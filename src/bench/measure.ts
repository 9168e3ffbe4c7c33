/**
 * Running one benchmark stage in a child process and measuring it: wall time, CPU time and
 * peak resident memory of the child together with everything it starts (Pagefind's service
 * binary, worker threads count with their process). Memory is sampled from /proc every 100 ms
 * as the sum of VmRSS over the process tree; on systems without /proc only the child's own
 * maxRSS (reported by the child at exit) is known.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of the process tree, from the last /proc sample of each process. */
  cpuSeconds: number;
  /** Peak of the summed resident memory of the process tree, MiB. */
  peakRssMb: number;
  /** The child's own peak resident memory (getrusage), MiB, when it reported it. */
  selfMaxRssMb?: number;
  /** The JSON the child printed on its `BENCH_RESULT ` line. */
  result: Record<string, unknown>;
  code: number;
  stderr: string;
}

const CLK_TCK = 100;

function children(pid: number): number[] {
  try {
    const out: number[] = [];
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/u).map(Number));
    }
    return out;
  } catch {
    return [];
  }
}

/** Resident KiB and CPU ticks of one process, or null when it is gone. */
function sample(pid: number): { rssKb: number; ticks: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+)/u.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], [12]: utime, stime (the 14th and 15th fields of /proc/pid/stat)
    return { rssKb: rss ? Number(rss[1]) : 0, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Lines of the child's stdout other than the result (progress), e.g. to show them. */
  onLine?: (line: string) => void;
  /** Child stderr is passed through (default: collected). */
  inheritStderr?: boolean;
}

export function runMeasured(cmd: string, args: string[], opts: RunOptions = {}): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', opts.inheritStderr ? 'inherit' : 'pipe'],
    });
    let peakKb = 0;
    const ticks = new Map<number, number>();
    const poll = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      const seen = new Set<number>();
      const stack = [child.pid];
      while (stack.length) {
        const pid = stack.pop()!;
        if (seen.has(pid)) continue;
        seen.add(pid);
        const s = sample(pid);
        if (!s) continue;
        sum += s.rssKb;
        ticks.set(pid, s.ticks);
        stack.push(...children(pid));
      }
      peakKb = Math.max(peakKb, sum);
    };
    const timer = setInterval(poll, 100);
    let stdout = '';
    let stderr = '';
    let result: Record<string, unknown> = {};
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      let nl: number;
      while ((nl = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        if (line.startsWith('BENCH_RESULT ')) result = JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, unknown>;
        else opts.onLine?.(line);
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
    });
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = [...ticks.values()].reduce((n, t) => n + t, 0) / CLK_TCK;
      const selfMax = typeof result.maxRssKb === 'number' ? result.maxRssKb / 1024 : undefined;
      resolvePromise({
        seconds,
        cpuSeconds,
        peakRssMb: Math.max(peakKb / 1024, selfMax ?? 0),
        selfMaxRssMb: selfMax,
        result,
        code: code ?? 1,
        stderr,
      });
    });
  });
}

/** Printed by a stage child as its last line: its result and its own peak memory. */
export function reportResult(result: Record<string, unknown>): void {
  const ru = process.resourceUsage();
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, maxRssKb: ru.maxRSS, userS: ru.userCPUTime / 1e6, systemS: ru.systemCPUTime / 1e6 })}\n`);
}

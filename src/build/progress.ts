/**
 * A one-line progress bar for long stages: done / total, rate, ETA. Drawn only when the stream
 * is a terminal (and BAOKU_PROGRESS is not 0); in CI, logs and pipes it prints nothing.
 *
 *   const bar = progress('segment', files.length, 'files');
 *   bar.tick(); … bar.done();
 */
export interface Progress {
  tick(n?: number): void;
  /** Set the total (when it becomes known later). */
  setTotal(total: number): void;
  /** Print a line above the bar (the bar is redrawn under it). */
  log(line: string): void;
  done(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatBar(label: string, done: number, total: number, unit: string, elapsedS: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.NaN;
  const rateText = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  return `${label.padEnd(9)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}  ${rateText}/s  ETA ${clock(eta)}`;
}

export function progress(label: string, total: number, unit = 'files', stream: NodeJS.WriteStream = process.stderr): Progress {
  const on = Boolean(stream.isTTY) && process.env.BAOKU_PROGRESS !== '0';
  const t0 = performance.now();
  let done = 0;
  let last = 0;
  let shown = false;
  const draw = (force = false) => {
    if (!on) return;
    const now = performance.now();
    if (!force && now - last < 100) return;
    last = now;
    const line = formatBar(label, done, total, unit, (now - t0) / 1000).slice(0, Math.max(20, (stream.columns ?? 100) - 1));
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
  };
  return {
    tick(n = 1) {
      done += n;
      draw();
    },
    setTotal(t: number) {
      total = t;
      draw(true);
    },
    log(line: string) {
      if (on && shown) stream.write('\r\x1b[2K');
      stream.write(`${line}\n`);
      if (on && shown) draw(true);
    },
    done() {
      if (!on) return;
      draw(true);
      stream.write('\n');
    },
  };
}

/**
 * A `log` for runSegment() (and any stage that logs `[i/N] …` per item): on a terminal, the
 * per-item lines drive a progress bar and every other line is printed above it; elsewhere every
 * line goes to `print` as before.
 */
export function progressLog(label: string, print: (line: string) => void = console.log, stream: NodeJS.WriteStream = process.stderr): (line: string) => void {
  if (!stream.isTTY || process.env.BAOKU_PROGRESS === '0') return print;
  let bar: Progress | null = null;
  let done = 0;
  return (line: string) => {
    const m = /^\[(\d+)\/(\d+)\]/u.exec(line);
    if (m) {
      bar ??= progress(label, Number(m[2]), 'files', stream);
      bar.tick(Number(m[1]) - done);
      done = Number(m[1]);
      if (done === Number(m[2])) {
        bar.done();
        bar = null;
        done = 0;
      }
      return;
    }
    if (bar) bar.log(line);
    else print(line);
  };
}

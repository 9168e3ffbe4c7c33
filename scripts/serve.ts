/**
 * Preview the built site: `npm run serve` (after `npm run build`).
 * Options: --dir <folder> (default _site), --port <n> (default 8080, or $PORT), --host <addr> (default 127.0.0.1).
 * A bad option, or a port that cannot be listened on, is one line on stderr and exit code 2.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { firstLine, printable } from '../src/build/messages.ts';
import { serveStatic } from '../src/site/serve.ts';
import { cli, options } from './cli.ts';

const { fail, run } = cli('serve');
const values = options('serve', 'usage: npm run serve -- [--dir DIR] [--port N] [--host ADDR]', {
  dir: { type: 'string', default: '_site' },
  port: { type: 'string', default: process.env.PORT ?? '8080' },
  host: { type: 'string', default: '127.0.0.1' },
});
// 0 lets the system choose a free port
if (!/^\d{1,5}$/u.test(values.port) || Number(values.port) > 65535) fail(2, `--port must be a whole number from 0 to 65535, not ${printable(values.port)}`);
const dir = resolve(values.dir);
if (!existsSync(resolve(dir, 'index.html'))) fail(1, `${dir} has no index.html — run \`npm run build\` first.`);
await run(async () => {
  const listening = await serveStatic(dir, { port: Number(values.port), host: values.host }).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? 'the port is in use' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' ? 'no such address here' : firstLine(err);
    return fail(2, `cannot listen on ${printable(values.host)}:${values.port}: ${why}`);
  });
  console.log(`Baoku site from ${dir} at ${listening.url}/ (Ctrl-C to stop)`);
});

/**
 * Preview the built site: `npm run serve` (after `npm run build`).
 * Options: --dir <folder> (default _site), --port <n> (default 8080, or $PORT), --host <addr> (default 127.0.0.1).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '../src/site/serve.ts';
import { cli, options } from './cli.ts';

const { fail, run } = cli('serve');
const values = options('serve', 'usage: npm run serve -- [--dir DIR] [--port N] [--host ADDR]', {
  dir: { type: 'string', default: '_site' },
  port: { type: 'string', default: process.env.PORT ?? '8080' },
  host: { type: 'string', default: '127.0.0.1' },
});
const dir = resolve(values.dir);
if (!existsSync(resolve(dir, 'index.html'))) fail(1, `${dir} has no index.html — run \`npm run build\` first.`);
await run(async () => {
  const { url } = await serveStatic(dir, { port: Number(values.port), host: values.host });
  console.log(`Baoku site from ${dir} at ${url}/ (Ctrl-C to stop)`);
});

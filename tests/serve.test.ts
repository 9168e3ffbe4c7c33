/**
 * `npm run serve` (scripts/serve.ts, src/site/serve.ts), issue #14: a bad --port or a port in use
 * is one line and exit code 2, never a stack trace; every answer carries the site's own
 * Content-Security-Policy (the one its pages state in a <meta>) with frame-ancestors, and
 * X-Frame-Options and X-Content-Type-Options; a reader who hangs up midway ends that answer only;
 * Pagefind's gzip files go as they are, labelled gzip for a browser that takes it, and text files
 * are compressed once, not for every request, and sent anew when they change (issue #18).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { csp } from '../_includes/base.11ty.ts';
import { escapeHtml } from '../src/site/html.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
/** A site searched with another one: its policy names that origin, which serve must not forget. */
const POLICY = csp(['https://other.example/archive/']);

let tmp = '';
let site = '';
let plain = '';
let server: StaticServer;

function serve(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts', 'serve.ts'), ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, lines: r.stderr.split('\n').filter(Boolean), stderr: r.stderr };
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-serve-'));
  site = join(tmp, 'site');
  await mkdir(join(site, 'search'), { recursive: true });
  // the page shell's own markup: the policy HTML-escaped in a <meta> (_includes/base.11ty.ts)
  await writeFile(join(site, 'index.html'), `<!doctype html>\n<html><head><meta http-equiv="Content-Security-Policy" content="${escapeHtml(POLICY)}"></head><body>首页</body></html>\n`);
  await writeFile(join(site, 'search', 'config.json'), '{"version":1}\n');
  await writeFile(join(site, 'big.txt'), randomBytes(8 << 20).toString('base64'));
  // a Pagefind index file: gzip bytes as Pagefind writes them (its signature, then the data)
  await mkdir(join(site, 'pagefind', 'index'), { recursive: true });
  await writeFile(join(site, 'pagefind', 'index', 'zh-cn_1.pf_index'), gzipSync(Buffer.from('pagefind_dcd' + '索引'.repeat(100))));
  // a page that states no policy (search-eval's stock Pagefind page, with its inline script)
  plain = join(tmp, 'plain');
  await mkdir(plain);
  await writeFile(join(plain, 'index.html'), '<!doctype html><script>document.title = "x"</script>\n');
  server = await serveStatic(site);
});

after(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('a bad --port is one line and exit code 2', () => {
  for (const [port, shown] of [
    ['abc', 'abc'],
    ['70000', '70000'],
    ['-1', '-1'],
    ['80\nx', '80\\u000ax'],
  ]) {
    const r = serve(['--dir', site, `--port=${port}`]);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.lines, [`serve: --port must be a whole number from 0 to 65535, not ${shown}`]);
  }
});

test('a port in use is one line and exit code 2', async () => {
  const taken = createServer();
  await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
  try {
    const { port } = taken.address() as AddressInfo;
    const r = serve(['--dir', site, '--port', String(port)]);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.lines, [`serve: cannot listen on 127.0.0.1:${port}: the port is in use`]);
  } finally {
    await new Promise((ok) => taken.close(ok));
  }
});

test("every answer carries the pages' own Content-Security-Policy with frame-ancestors, X-Frame-Options and nosniff", async () => {
  for (const path of ['/', '/search/config.json', '/no-such-page/']) {
    const res = await fetch(`${server.url}${path}`);
    await res.arrayBuffer();
    assert.equal(res.headers.get('content-security-policy'), `${POLICY}; frame-ancestors 'none'`, path);
    assert.match(POLICY, /connect-src 'self' https:\/\/other\.example/u);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
  }
  // a site whose pages state no policy gets none that would block their scripts, framing still refused
  const other = await serveStatic(plain);
  try {
    const res = await fetch(`${other.url}/`);
    assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'none'");
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  } finally {
    await other.close();
  }
});

test('a reader who hangs up in the middle of a file ends that answer only: the server goes on', async () => {
  const url = new URL(`${server.url}/big.txt`);
  for (const gzip of [false, true]) {
    await new Promise<void>((ok, fail) => {
      const req = request(url, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (res) => {
        res.once('data', () => {
          req.destroy();
          ok();
        });
      });
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : fail(e)));
      req.end();
    });
  }
  const res = await fetch(`${server.url}/`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /首页/u);
});

test('Pagefind\'s index files go as they are, labelled gzip when the reader takes gzip, so that the browser inflates them', async () => {
  const file = await readFile(join(site, 'pagefind', 'index', 'zh-cn_1.pf_index'));
  const get = (gzip: boolean) =>
    new Promise<{ encoding?: string; body: Buffer }>((ok, fail) => {
      const req = request(`${server.url}/pagefind/index/zh-cn_1.pf_index`, { headers: gzip ? { 'Accept-Encoding': 'gzip, deflate' } : {} }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(parts) }));
      });
      req.on('error', fail);
      req.end();
    });
  const labelled = await get(true);
  assert.equal(labelled.encoding, 'gzip');
  assert.ok(labelled.body.equals(file), 'the bytes on disk, not compressed twice');
  assert.equal(gunzipSync(labelled.body).subarray(0, 12).toString(), 'pagefind_dcd', 'inflated by the browser, Pagefind finds its signature and takes the data as it is');
  const bare = await get(false);
  assert.equal(bare.encoding, undefined, 'a reader that takes no gzip gets the file, for Pagefind to inflate');
  assert.ok(bare.body.equals(file));
  // and fetch() (which takes gzip) sees the inflated file, as a browser does
  const res = await fetch(`${server.url}/pagefind/index/zh-cn_1.pf_index`);
  assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 12).toString(), 'pagefind_dcd');
});

test('a text file is compressed once and sent so while it is unchanged; changed or replaced, its new text is sent', async () => {
  const path = join(site, 'search', 'kept.json');
  const get = async () => {
    const res = await fetch(`${server.url}/search/kept.json`);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    return res.text();
  };
  await writeFile(path, '{"n":1}\n');
  assert.equal(await get(), '{"n":1}\n');
  assert.equal(await get(), '{"n":1}\n', 'from what was kept');
  await writeFile(path, '{"n":2}\n');
  assert.equal(await get(), '{"n":2}\n', 'rewritten, same size');
  await rm(path);
  await writeFile(path, '{"n":33}\n');
  assert.equal(await get(), '{"n":33}\n', 'replaced');
});

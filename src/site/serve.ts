/**
 * A small static file server for the built site (local preview and the browser tests).
 * Serves `<dir>/index.html` for `<dir>/`, redirects `<dir>` to `<dir>/`, and answers
 * anything missing with the site's 404.html and status 404. Text (HTML, CSS, scripts, JSON) is
 * sent gzip-compressed when the browser accepts it, as any static host does, so that the bytes a
 * search costs are measured as a reader would pay them; a file is compressed once and kept while
 * it is unchanged (see compressedFiles). Pagefind's own index files are gzip
 * files already: they go as they are, labelled `Content-Encoding: gzip` so that the browser
 * inflates them and not Pagefind's script (see PRECOMPRESSED).
 *
 * Every answer carries the site's Content-Security-Policy — the one its pages state in their
 * `<meta>` (read from the served index.html, so it is the policy the site was built with) plus
 * `frame-ancestors 'none'`, which a `<meta>` cannot state — and `X-Frame-Options: DENY` and
 * `X-Content-Type-Options: nosniff`, as a host should send them. A file that fails while it is
 * sent (removed, unreadable) ends that answer, never the server.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gzip as gzipCallback } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/u;
/**
 * Pagefind's index files, gzip-compressed by Pagefind itself. Sent as they are, they are
 * inflated again by Pagefind's script, on the page's thread; labelled `Content-Encoding: gzip`
 * (the same bytes), the browser inflates them as it receives them and Pagefind sees they are
 * (they then start with its "pagefind_dcd" signature) and takes them as they come.
 */
const gzipAsync = promisify(gzipCallback);
const PRECOMPRESSED = /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/u;

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      return (await stat(index)).isFile() ? index : null;
    }
  } catch {
    /* missing */
  }
  return null;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Let pages of other origins fetch from this site (a search page merging this site's index). */
  cors?: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };

/**
 * The Content-Security-Policy the site's pages carry in their `<meta>` (from `<root>/index.html`
 * as _includes/base.11ty.ts writes it), null when it states none (search-eval's stock Pagefind
 * page: its inline script must run).
 */
export async function siteCsp(root: string): Promise<string | null> {
  const page = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/iu.exec(page);
  return m ? m[1].replace(/&(amp|lt|gt|quot|#39|#x27|apos);/gu, (_, e: string) => ENTITIES[e]) : null;
}

/** The headers of every answer (see the top of this file). */
export const securityHeaders = (policy: string | null): Record<string, string> => ({
  'Content-Security-Policy': policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
});

/** Text files up to this size are kept compressed (larger ones are compressed as they are sent). */
const KEEP_FILE_MAX = 1 << 20;
/** The compressed files kept, at most, in bytes: the oldest go first. */
const KEEP_TOTAL_MAX = 64 << 20;

/**
 * The gzip body of a text file, compressed once while its size and modification time stay the
 * same (and it is the same file), as a static host keeps it (a precompressed file, a CDN's cache) rather than compressing
 * it again for every reader: compressing on every request tripled this server's time per file,
 * which a page of a dozen scripts paid for. Null for a file too large to keep.
 */
function compressedFiles(): (file: string) => Promise<Buffer | null> {
  const kept = new Map<string, { version: string; body: Buffer }>();
  let total = 0;
  return async (file) => {
    const s = await stat(file);
    if (s.size > KEEP_FILE_MAX) return null;
    // a rebuild swaps in new files: another inode, or another time
    const version = `${s.ino} ${s.size} ${s.mtimeMs}`;
    const hit = kept.get(file);
    if (hit?.version === version) return hit.body;
    const body = await gzipAsync(await readFile(file));
    if (hit) total -= hit.body.length;
    kept.delete(file);
    kept.set(file, { version, body });
    total += body.length;
    for (const [k, v] of kept) {
      if (total <= KEEP_TOTAL_MAX) break;
      kept.delete(k);
      total -= v.body.length;
    }
    return body;
  };
}

export async function serveStatic(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const security = securityHeaders(await siteCsp(root));
  const compressed = compressedFiles();
  const server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(security)) res.setHeader(k, v);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end('Bad request');
        return;
      }
      const target = resolve(root, '.' + pathname);
      if (target !== root && !target.startsWith(root + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      let file = await fileAt(target);
      if (file && !pathname.endsWith('/') && file.endsWith(sep + 'index.html') && !target.endsWith('index.html')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
        return;
      }
      let status = 200;
      if (!file) {
        status = 404;
        file = await fileAt(join(root, '404.html'));
        if (!file) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
      }
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const acceptsGzip = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
      const gzip = COMPRESSIBLE.test(type) && acceptsGzip;
      const gzipped = !gzip && acceptsGzip && PRECOMPRESSED.test(file);
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      if (gzip || gzipped) headers['Content-Encoding'] = 'gzip';
      if (opts.cors) headers['Access-Control-Allow-Origin'] = '*';
      if (gzip && req.method === 'GET') {
        const body = await compressed(file);
        if (body) {
          res.writeHead(status, headers).end(body);
          return;
        }
      }
      res.writeHead(status, headers);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      // a read that fails midway (the file removed by a rebuild's swap) ends this answer only:
      // pipeline destroys every stream and the client sees the connection close early
      await (gzip ? pipeline(createReadStream(file), createGzip(), res) : pipeline(createReadStream(file), res)).catch(() => undefined);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

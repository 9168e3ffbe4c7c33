/**
 * Text never becomes code, end to end: a raw page full of markup, links, template syntax and
 * YAML breakers (tests/fixtures/hostile/injection.txt), under a hostile file name, goes through
 * runSegment and renderSite into a temporary folder; the HTML is read back and checked for live
 * markup, the Content-Security-Policy on every page type, inline scripts and unsafe URLs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { runSegment } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { HOSTILE_STRINGS, injectionText, sampleText } from './fixtures/hostile/inputs.ts';

const HOSTILE_NAME = `报纸 <b>&"'页 {{x}} %2e%2e.txt`;

let tmp = '';
let site = '';
let articlesDir = '';
const pages = new Map<string, string>();

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-hostile-site-'));
  const raw = join(tmp, 'raw');
  await mkdir(raw, { recursive: true });
  await writeFile(join(raw, HOSTILE_NAME), injectionText());
  await writeFile(join(raw, '000_9b41f1c6617766a6.txt'), sampleText(0));
  articlesDir = join(tmp, 'articles');
  await runSegment({ input: raw, output: articlesDir });
  site = join(tmp, 'site');
  await renderSite({ articlesDir, rawDir: raw, outDir: site });
  for (const e of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.html')) {
      const path = join(e.parentPath, e.name);
      pages.set(relative(site, path).split(sep).join('/'), await readFile(path, 'utf8'));
    }
  }
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Tag {
  name: string;
  attrs: Map<string, string>;
  raw: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const unescape = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)));

/** Every real tag of a page: text escaped as &lt;…&gt; is not a tag. */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gu)) {
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/gu)) attrs.set(a[1].toLowerCase(), unescape(a[2] ?? a[3] ?? a[4] ?? ''));
    out.push({ name: m[1].toLowerCase(), attrs, raw: m[0] });
  }
  return out;
}

/** The text a reader sees: tags removed, entities decoded. */
const textOf = (html: string) => unescape(html.replace(/<script[\s\S]*?<\/script>/gu, '').replace(/<[^>]+>/gu, ''));

const hostilePages = () => [...pages].filter(([, html]) => html.includes('报纸 &lt;b&gt;&amp;&quot;&#39;页') || html.includes('关于“{{ 7*7 }}”'));

test('the hostile page was segmented into articles and rendered', () => {
  assert.ok(pages.size > 20);
  const articles = [...pages.keys()].filter((p) => p.startsWith('articles/'));
  assert.ok(articles.length >= 3);
  assert.ok(hostilePages().length >= 3);
});

test('markup, links and template syntax in the text are shown literally, never live', () => {
  const seen = new Set<string>();
  for (const [path, html] of pages) {
    for (const t of tags(html)) {
      assert.ok(!['iframe', 'object', 'embed', 'base', 'img', 'b'].includes(t.name), `${path}: <${t.name}> from the text is live: ${t.raw}`);
      for (const name of t.attrs.keys()) assert.ok(!/^on/u.test(name), `${path}: event handler attribute ${t.raw}`);
    }
    const text = textOf(html);
    for (const s of HOSTILE_STRINGS) if (text.includes(s)) seen.add(s);
    // Nunjucks/Liquid never ran: the sums and includes are still there as written
    assert.ok(!/关于“49”/u.test(text), `${path}: {{ 7*7 }} was evaluated`);
  }
  assert.deepEqual([...seen].sort(), [...HOSTILE_STRINGS].sort(), 'every hostile string reaches the reader as text');
  const body = textOf([...pages].find(([p, h]) => p.startsWith('articles/') && h.includes('document.write'))![1]);
  for (const s of ['<script>document.write("pwned")</script>', '[点击这里](javascript:alert(1))', '<a href="javascript:alert(2)">这个链接</a>', '{{ 7*7 }}', '{% include "x.njk" %}', '<iframe src="https://evil.example/"></iframe>', '![图片](https://evil.example/x.png)']) {
    assert.ok(body.includes(s), `article text lacks ${s}`);
  }
});

test('front matter written with gray-matter keeps quotes, colons and --- in headlines intact', async () => {
  const titles: string[] = [];
  for (const n of (await readdir(articlesDir)).filter((f) => f.endsWith('.md'))) {
    const { data } = matter(await readFile(join(articlesDir, n), 'utf8'));
    if (data.source.file === HOSTILE_NAME) titles.push(data.title as string);
    const page = pages.get(`articles/${data.id}/index.html`);
    assert.ok(page, `no page for ${data.id}`);
    if (data.title) assert.ok(textOf(/<h1[\s\S]*?<\/h1>/u.exec(page)![0]).includes(data.title as string), `${data.id}: h1 is not the title`);
  }
  assert.ok(titles.some((t) => t.includes("<script>alert('标题')</script>") && t.includes('---') && t.includes('{{ 7*7 }}')), JSON.stringify(titles));
  assert.ok(titles.some((t) => t.startsWith('"引号"') && t.includes('---') && t.includes('#井号')), JSON.stringify(titles));
});

test('URLs and output paths are made of safe characters only', async () => {
  for (const e of await readdir(site, { recursive: true, withFileTypes: true })) {
    const path = relative(site, join(e.parentPath, e.name)).split(sep).join('/');
    assert.match(path, /^[\p{L}\p{N}._·/-]+$/u, `unsafe output path ${JSON.stringify(path)}`);
  }
  for (const [path, html] of pages) {
    for (const t of tags(html)) {
      for (const attr of ['href', 'src', 'action', 'srcset', 'formaction']) {
        const v = t.attrs.get(attr);
        if (v === undefined) continue;
        assert.match(v, /^(\/[A-Za-z0-9%._~\-/]*(\?[A-Za-z0-9%=&._~-]*)?(#[A-Za-z0-9_-]*)?|#[A-Za-z0-9_-]+|https?:\/\/[A-Za-z0-9%._~\-/:?#=&]+)$/u, `${path}: ${attr}=${JSON.stringify(v)}`);
      }
    }
  }
});

test('every page type carries the Content-Security-Policy, and no inline script runs without its hash', () => {
  const types = ['index.html', '404.html', 'articles/', 'authors/index.html', 'authors/', 'keywords/index.html', 'keywords/', 'browse/index.html', 'browse/', 'files/', 'raw/', 'search/index.html'];
  for (const type of types) assert.ok([...pages.keys()].some((p) => p.startsWith(type)), `no page of type ${type}`);
  for (const [path, html] of pages) {
    const metas = tags(html).filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    assert.equal(metas.length, 1, `${path}: ${metas.length} CSP meta elements`);
    const head = html.slice(0, html.indexOf('</head>'));
    assert.ok(head.indexOf(metas[0].raw) >= 0 && head.indexOf(metas[0].raw) < (head.search(/<(script|link|style)\b/u) + 1 || Infinity), `${path}: the CSP must come before any script or style`);
    const policy = new Map(
      metas[0].attrs
        .get('content')!
        .split(';')
        .map((d) => d.trim().split(/\s+/u))
        .filter((d) => d[0])
        .map((d) => [d[0], d.slice(1)] as [string, string[]]),
    );
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? [];
    assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'") && !scriptSrc.includes('*'), `${path}: script-src ${scriptSrc.join(' ')}`);
    assert.deepEqual(policy.get('object-src'), ["'none'"], `${path}: object-src`);
    assert.ok(policy.has('base-uri'), `${path}: base-uri`);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gu)) {
      const src = /\bsrc\s*=/u.test(m[1]);
      if (src) {
        assert.equal(m[2].trim(), '', `${path}: a script with src has inline content`);
        continue;
      }
      const hash = `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`;
      assert.ok(scriptSrc.includes(hash), `${path}: inline script without its hash in script-src: ${m[2].slice(0, 80)}`);
    }
    const styleSrc = policy.get('style-src') ?? policy.get('default-src') ?? [];
    for (const t of tags(html)) assert.ok(!t.attrs.has('style') || styleSrc.includes("'unsafe-inline'"), `${path}: style attribute the CSP blocks: ${t.raw}`);
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gu)) {
      assert.ok(styleSrc.includes(`'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`), `${path}: inline <style> the CSP blocks`);
    }
  }
});

// the site's front-matter check (then in src/site/model.ts, now src/contract/markdown.ts) rejected any source.file with "/": one raw file in a nested folder failed the whole build
test('raw files in nested folders render, and no file name can write CSS or HTML', async () => {
  const raw = join(tmp, 'nested-raw');
  await mkdir(join(raw, '2021', '06'), { recursive: true });
  await mkdir(join(raw, 'x*'), { recursive: true });
  await writeFile(join(raw, '2021', '06', '004_1ae44c768b257489.txt'), sampleText(4));
  // `x*/html{display:none} .txt`: the path closes a CSS comment that quotes it
  await writeFile(join(raw, 'x*', 'html{display:none} .txt'), sampleText(2));
  const out = join(tmp, 'nested-articles');
  await runSegment({ input: raw, output: out });
  const nested = join(tmp, 'nested-site');
  await renderSite({ articlesDir: out, rawDir: raw, outDir: nested });
  let rawViews = 0;
  for (const e of await readdir(nested, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const text = await readFile(join(e.parentPath, e.name), 'utf8');
    if (e.name.endsWith('.css')) assert.ok(!/html\s*\{\s*display\s*:\s*none/u.test(text.replace(/\/\*[\s\S]*?\*\//gu, '')), `${e.name}: CSS written by a file name`);
    if (e.name === 'index.html' && e.parentPath.includes(`${sep}raw${sep}`)) rawViews++;
  }
  assert.equal(rawViews, 2, 'both nested raw files have their raw view');
});

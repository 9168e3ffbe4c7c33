/** The page shell every HTML page uses: head with CSP, skip link, banner, navigation, footer. */
import { html, raw } from '../src/site/html.ts';
import { moduleImports } from '../src/site/modules.ts';
import { CHUNK_PRELOAD_HASH } from '../src/search/chunk-preload.ts';
import type { TemplateData } from '../src/site/views.ts';

/**
 * Scripts are files under /assets/ or /pagefind/, and the one inline script of the search page,
 * by its hash (src/search/chunk-preload.ts); Pagefind compiles WebAssembly, which needs
 * 'wasm-unsafe-eval'. No other inline script, and no inline style, anywhere on the site. The search page may
 * fetch the indexes of the other Baoku sites it searches (site.searchAlso), nothing else.
 */
export function csp(searchAlso: readonly string[] = []): string {
  const others = [...new Set(searchAlso.map((u) => new URL(u).origin))];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${CHUNK_PRELOAD_HASH}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...others].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const NAV: { section: NonNullable<TemplateData['section']>; label: string; url: string }[] = [
  { section: 'home', label: '首页', url: '/' },
  { section: 'browse', label: '浏览', url: '/browse/' },
  { section: 'authors', label: '作者', url: '/authors/' },
  { section: 'keywords', label: '关键词', url: '/keywords/' },
  { section: 'search', label: '检索', url: '/search/' },
];

/**
 * What the page's scripts need, asked for in the head: every module they import (else the
 * browser finds a module's imports only once it has arrived, one round trip per level) and the
 * files they fetch. A fetch preload needs `crossorigin` to be the request fetch() makes
 * (CORS mode, same-origin credentials) and so be used by it, not fetched twice.
 */
function preloads(data: TemplateData) {
  const modules = [...new Set((data.scripts ?? []).flatMap((src) => moduleImports(src)))];
  return html`${modules.map((href) => html`<link rel="modulepreload" href="${href}">\n`)}${(data.fetches ?? []).map(
    (href) => html`<link rel="preload" href="${href}" as="fetch" crossorigin>\n`,
  )}`;
}

export function render(data: TemplateData): string {
  const { site } = data;
  const title = data.title ? `${data.title} · ${site.title}` : site.title;
  const pageUrl = typeof data.page.url === 'string' ? data.page.url : '/';
  return html`<!doctype html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(site.searchAlso)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${data.description ?? site.description}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
${(data.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${preloads(data)}${site.url ? html`<link rel="alternate" type="application/atom+xml" title="${site.title}" href="/feed.xml">\n` : ''}${
    data.canonical && site.url ? html`<link rel="canonical" href="${site.url}${data.canonical}">\n` : ''
  }${(data.meta ?? []).map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}${(data.scripts ?? []).map(
    (src) => html`<script type="module" src="${src}"></script>\n`,
  )}</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-name" href="/"${pageUrl === '/' ? html` aria-current="page"` : ''}><span class="site-name-zh">${site.name}</span> <span class="site-name-latin" lang="en">${site.nameLatin}</span></a>
<nav class="site-nav" aria-label="主导航">
<ul>${NAV.map(
    (item) =>
      html`<li><a href="${item.url}"${
        data.section === item.section ? html` aria-current="${pageUrl === item.url ? 'page' : 'true'}"` : ''
      }>${item.label}</a></li>`,
  )}</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${raw(data.content ?? '')}
</div>
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.title} · ${site.description}</p>
<ul class="footer-links">
<li><a href="/articles.json">全部文章数据（JSON）</a></li>
${site.url ? html`<li><a href="/feed.xml">Atom 订阅</a></li>
<li><a href="/sitemap.xml">站点地图</a></li>` : ''}
</ul>
</div>
</footer>
</body>
</html>
`.value;
}

/**
 * tests/browser.ts: which Chromium runs, and the npm one on a machine that has nothing else —
 * no system browser, no font at all — drawing Chinese with the CJK font from npm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../src/site/serve.ts';
import { chooseBrowser, launchBrowser, systemChromium } from './browser.ts';

const ROOT = join(import.meta.dirname, '..');

test('which browser: $CHROMIUM_PATH or /usr/bin/chromium when it exists, else npm; BAOKU_BROWSER forces one', () => {
  const existing = process.execPath;
  assert.deepEqual(systemChromium({ CHROMIUM_PATH: existing }), { path: existing, why: 'CHROMIUM_PATH' });
  assert.deepEqual(systemChromium({ CHROMIUM_PATH: '/no/such/chromium' }), { why: 'CHROMIUM_PATH=/no/such/chromium does not exist' });
  assert.deepEqual(systemChromium({ CHROMIUM_PATH: existing, BAOKU_BROWSER: 'npm' }), { why: 'BAOKU_BROWSER=npm' });
  assert.deepEqual(systemChromium({ CHROMIUM_PATH: existing, BAOKU_BROWSER: 'system' }), { path: existing, why: 'CHROMIUM_PATH' });
  assert.throws(() => systemChromium({ CHROMIUM_PATH: '/no/such/chromium', BAOKU_BROWSER: 'system' }), /BAOKU_BROWSER=system but CHROMIUM_PATH=\/no\/such\/chromium does not exist/u);
  assert.throws(() => systemChromium({ BAOKU_BROWSER: 'firefox' }), /BAOKU_BROWSER must be "npm" or "system"/u);
});

/** For each element: its own Han characters, and the fonts that drew its text with their glyph counts (CDP CSS.getPlatformFontsForNode). */
async function fontsOf(page: Page, selectors: string[]): Promise<{ selector: string; han: number; fonts: Map<string, number> }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out = [];
  for (const selector of selectors) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, selector);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const text = await page.$eval(selector, (e) => [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
    out.push({ selector, han: [...text.matchAll(/\p{Script=Han}/gu)].length, fonts: new Map(fonts.map((f) => [f.familyName, f.glyphCount])) });
  }
  await cdp.detach();
  return out;
}

test('with neither a system Chromium nor any system font, the npm Chromium draws Chinese in the npm CJK font', { timeout: 180_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-browser-'));
  let browser: Browser | undefined;
  const server = { close: async () => {} } as { close(): Promise<void>; url?: string };
  try {
    // the machine's fontconfig names no font folder: what the browser has comes from npm
    const fontconfig = join(work, 'fonts.conf');
    await writeFile(fontconfig, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig></fontconfig>\n');
    const choice = await chooseBrowser({ ...process.env, BAOKU_BROWSER: 'npm', FONTCONFIG_FILE: fontconfig });
    assert.match(choice.label, /^Chromium \d+\S* from npm \(@sparticuz\/chromium [\d.]+\)/u, 'the unpacked binary runs');

    // the site's stylesheet on a page of its shapes: sans (system-ui first), serif headline, keyword links, mono
    const site = join(work, 'site');
    await mkdir(join(site, 'assets'), { recursive: true });
    await copyFile(join(ROOT, 'assets', 'site.css'), join(site, 'assets', 'site.css'));
    await writeFile(
      join(site, 'index.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>字体</title><link rel="stylesheet" href="/assets/site.css"></head>' +
        '<body><main><h1>报纸版面的文字</h1><p>这一段正文检查每个汉字是否都有字形。Latin too.</p>' +
        '<ul class="tags"><li><a href="/">关键词</a></li><li><a href="/">字体检查</a></li></ul><p><code>代码字体</code></p></main></body></html>',
    );
    Object.assign(server, await serveStatic(site));
    browser = await launchBrowser(choice);
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => document.fonts.ready);
    for (const r of await fontsOf(page, ['h1', 'main > p', '.tags li a', '.tags li + li a', 'code'])) {
      // fontconfig names the face by family and weight ("Noto Sans S Chinese Regular", "… Bold")
      const cjk = [...r.fonts].filter(([f]) => f.startsWith('Noto Sans S Chinese')).reduce((n, [, g]) => n + g, 0);
      assert.ok(r.han > 0, `${r.selector} has Chinese`);
      assert.ok(cjk >= r.han, `${r.selector}: ${r.han} Han characters, ${cjk} glyphs in the npm CJK font (${[...r.fonts.keys()].join(', ')})`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

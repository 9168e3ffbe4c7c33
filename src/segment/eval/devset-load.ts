/**
 * Loading the development corpus (../shared/corpus-dev/, see its README.md): each page's PDF,
 * read with src/pdf/ and turned into gold by devset.ts, and each extractor's text of that page.
 * Derivations are cached under .cache/devset/ (gitignored; the corpus is copyrighted and what is
 * derived from it is never committed), keyed by the PDF's bytes and the source of the derivation.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../../pdf/read.ts';
import { deriveDevGold, type DevGold } from './devset.ts';
import type { FileScores } from './metrics.ts';
import { squash } from './gold.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
/** Where the corpus lives: ../shared/corpus-dev from the repository root (BAOKU_DEVSET_DIR overrides, e.g. to check the runs without it). */
export const DEVSET_DIR = process.env.BAOKU_DEVSET_DIR ?? join(REPO_ROOT, '..', 'shared', 'corpus-dev');
export const DEVSET_CACHE = join(REPO_ROOT, '.cache', 'devset');

/** The extractors whose text the corpus holds, by file suffix (`<page>.<extractor>.txt`). */
export const EXTRACTORS = ['pdftotext', 'pdftotext-layout', 'pdfminer', 'pypdf', 'pdf2md'] as const;
export type Extractor = (typeof EXTRACTORS)[number];

export interface DevPage {
  /** The page's name: the PDF's file name without `.pdf` (e.g. rmrb2018012307). */
  name: string;
  gold: DevGold;
  /** Each extractor's text of the page, as bytes (what the segmenter is given). */
  texts: Record<Extractor, Uint8Array>;
}

export interface Devset {
  pages: DevPage[];
  /** Milliseconds spent deriving (0 when every page came from the cache). */
  deriveMs: number;
  derived: number;
  cached: number;
}

/** The source files the derivation depends on: a change to any of them invalidates the cache. */
const DERIVATION_SOURCES = [join(here, 'devset.ts'), join(here, '..', '..', 'pdf', 'geometry.ts'), join(here, '..', '..', 'pdf', 'layout.ts'), join(here, '..', '..', 'pdf', 'read.ts')];

function derivationKey(pdf: Uint8Array): string {
  const h = createHash('sha256');
  h.update(pdf);
  for (const f of DERIVATION_SOURCES) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 24);
}

/** Is the corpus there? */
export function devsetPresent(dir = DEVSET_DIR): boolean {
  return existsSync(join(dir, 'pdf')) && existsSync(join(dir, 'text'));
}

/** Derive (or take from the cache) the gold of one PDF. */
export async function devGoldOf(name: string, pdf: Uint8Array, cacheDir: string | null = DEVSET_CACHE): Promise<{ gold: DevGold; cached: boolean }> {
  const file = cacheDir ? join(cacheDir, `${name}.${derivationKey(pdf)}.json`) : '';
  if (file && existsSync(file)) return { gold: JSON.parse(readFileSync(file, 'utf8')) as DevGold, cached: true };
  const pages = await readPdf(pdf);
  if (pages.length !== 1) throw new Error(`${name}.pdf: expected one page, found ${pages.length}`);
  const gold = deriveDevGold(name, pages[0]!);
  if (file) {
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(file + '.tmp', JSON.stringify(gold));
    renameSync(file + '.tmp', file);
  }
  return { gold, cached: false };
}

/** The extractors whose agreement a gold sentence needs: the three that keep a column's lines together. */
const WITNESSES: readonly Extractor[] = ['pdftotext', 'pdfminer', 'pypdf'];

/**
 * Keep the sentences and paragraph-break sides that at least two of the witnesses print: one the
 * geometry reads but the extractors do not (a stray comma pdfjs places elsewhere, a justified line
 * split apart) measures our reading, not the segmenter.
 */
export function agreedGold(gold: DevGold, texts: Record<Extractor, Uint8Array>): DevGold {
  const flat = WITNESSES.map((e) => squash(new TextDecoder('utf-8').decode(texts[e])));
  const agreed = (s: string) => flat.filter((t) => t.includes(s)).length >= 2;
  return {
    ...gold,
    sentences: gold.sentences.filter(agreed),
    paragraph_breaks: gold.paragraph_breaks.filter(([a, b]) => agreed(a) && agreed(b)),
  };
}

/** Load every page of the corpus; undefined when the corpus folder is absent. */
export async function loadDevset(dir = DEVSET_DIR, cacheDir: string | null = DEVSET_CACHE): Promise<Devset | undefined> {
  if (!devsetPresent(dir)) return undefined;
  const names = readdirSync(join(dir, 'pdf'))
    .filter((n) => n.endsWith('.pdf'))
    .map((n) => n.slice(0, -4))
    .sort();
  const pages: DevPage[] = [];
  let deriveMs = 0;
  let derived = 0;
  let cached = 0;
  for (const name of names) {
    const t0 = performance.now();
    const r = await devGoldOf(name, readFileSync(join(dir, 'pdf', `${name}.pdf`)), cacheDir);
    if (r.cached) cached++;
    else {
      derived++;
      deriveMs += performance.now() - t0;
    }
    const texts = Object.fromEntries(EXTRACTORS.map((e) => [e, readFileSync(join(dir, 'text', `${name}.${e}.txt`))])) as unknown as Record<Extractor, Uint8Array>;
    pages.push({ name, gold: agreedGold(r.gold, texts), texts });
  }
  return { pages, deriveMs, derived, cached };
}

/** Score one extractor's text of every page: `run` segments a text given its file name and bytes. */
export function scoreDevset<A>(
  devset: Devset,
  extractor: Extractor,
  run: (name: string, bytes: Uint8Array) => A,
  score: (gold: DevGold, output: A) => FileScores,
): FileScores[] {
  return devset.pages.map((p) => score(p.gold, run(`${p.name}.${extractor}.txt`, p.texts[extractor])));
}

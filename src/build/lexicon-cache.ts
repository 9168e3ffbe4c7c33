/**
 * The lexicon's cache (issue #18): learnLexicon() cuts every raw file of the archive around each
 * candidate name with nodejieba, six seconds of a one-file rebuild of 1,000 files, and tags each
 * candidate. Both are functions of one file's bytes (its tally) or of one word (its verdict), so a
 * build keeps them between runs in the segment cache folder, one JSON file, and computes only what
 * a changed file brings. The lexicon it gives is the one learnLexicon() gives, word for word
 * (tests/build-inputs.test.ts).
 *
 * The file is keyed by the segmenter's hash (segment-cache.ts segmenterHash(): keywords.ts and
 * nodejieba's version are in it) and the share of a file read for the lexicon: a change to either
 * starts it afresh. Unreadable or foreign, it is ignored. Written atomically after a run, holding
 * only what that run used, so it holds one archive.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lexiconOf, lexiconTally, namelike, type LexiconTally } from '../segment/keywords.ts';
import { segmenterHash } from './segment-cache.ts';

const FILE = 'lexicon.json';

interface Stored {
  salt: string;
  tallies: Record<string, LexiconTally>;
  names: Record<string, boolean>;
}

export class LexiconCache {
  private readonly tallies = new Map<string, LexiconTally>();
  private readonly names = new Map<string, boolean>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly dir: string | false,
    private readonly salt: string,
    private readonly stored: Stored | null,
  ) {}

  /** The cache of folder `dir` (false: none, everything computed); `share` says how much of a file is read. */
  static async open(dir: string | false, share: number): Promise<LexiconCache> {
    const salt = createHash('sha256').update(`${await segmenterHash()}\n${share}`).digest('hex');
    if (dir === false) return new LexiconCache(false, salt, null);
    // a build killed while saving leaves its temporary file: one build at a time writes here (the
    // build's lock), so any found now is a leftover
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith(`${FILE}.`) && name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    const stored = await readFile(join(dir, FILE), 'utf8')
      .then((t) => JSON.parse(t) as Stored)
      .catch(() => null);
    return new LexiconCache(dir, salt, stored && stored.salt === salt && stored.tallies && stored.names ? stored : null);
  }

  /** The tally of the file whose bytes hash to `digest` (its text read only on a miss). */
  tally(digest: string, text: () => string): LexiconTally {
    let t = this.tallies.get(digest) ?? this.stored?.tallies[digest];
    if (t) this.hits++;
    else {
      t = lexiconTally(text());
      this.misses++;
    }
    this.tallies.set(digest, t);
    return t;
  }

  /** The lexicon of the tallies taken this run, each candidate's verdict kept too. */
  lexicon(): string[] {
    return lexiconOf([...this.tallies.values()], (w) => {
      let v = this.names.get(w) ?? this.stored?.names[w];
      if (v === undefined) v = namelike(w);
      this.names.set(w, v);
      return v;
    });
  }

  /** Writes what this run used (temporary file + rename); a cache that cannot be written is only slower. */
  async save(): Promise<void> {
    if (this.dir === false) return;
    const path = join(this.dir, FILE);
    const data: Stored = { salt: this.salt, tallies: Object.fromEntries(this.tallies), names: Object.fromEntries([...this.names].sort(([a], [b]) => (a < b ? -1 : 1))) };
    const tmp = `${path}.${process.pid}.tmp`;
    // a first build saves it before the segment cache makes the folder
    await mkdir(this.dir, { recursive: true })
      .then(() => writeFile(tmp, JSON.stringify(data)))
      .then(() => rename(tmp, path))
      .catch(() => undefined);
  }
}

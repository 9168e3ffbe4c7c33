/**
 * The sample's gold files (tests/gold/*.json) read and checked against the raw files they
 * describe: one loader for `npm run eval` and scripts/check-gold.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateGold, type GoldFile } from './gold.ts';

export interface GoldSample {
  gold: GoldFile;
  bytes: Uint8Array;
  /** The raw text (the samples are UTF-8; a BOM is dropped). */
  text: string;
}

export interface GoldProblem {
  /** The gold file's name. */
  file: string;
  errors: string[];
}

/** Every gold file of `goldDir` with its raw file from `rawDir`; what cannot be read or does not match is a problem. */
export function loadGoldSamples(goldDir: string, rawDir: string): { samples: GoldSample[]; problems: GoldProblem[] } {
  const samples: GoldSample[] = [];
  const problems: GoldProblem[] = [];
  const names = readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) problems.push({ file: goldDir, errors: ['no gold files'] });
  for (const file of names) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
    } catch (e) {
      problems.push({ file, errors: [`not valid JSON: ${(e as Error).message}`] });
      continue;
    }
    const rawName = (data as { file?: unknown }).file;
    if (typeof rawName !== 'string') {
      problems.push({ file, errors: ['no "file"'] });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(rawDir, rawName));
    } catch {
      problems.push({ file, errors: [`raw file ${rawName} not found`] });
      continue;
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const { gold, errors } = validateGold(data, text);
    if (!gold) problems.push({ file, errors });
    else samples.push({ gold, bytes, text });
  }
  return { samples, problems };
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateGold, type GoldFile } from '../src/segment/eval/gold.ts';
import { aggregate, scoreFile, summarize, TARGETS, type Summary, type SummaryKey } from '../src/segment/eval/metrics.ts';
import { VARIANTS } from '../src/segment/eval/variants.ts';
import { segmentFile } from '../src/segment/index.ts';
import { RAW_DIR } from './helpers.ts';

const goldDir = join(import.meta.dirname, 'gold');
const samples = readdirSync(goldDir)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => {
    const data: unknown = JSON.parse(readFileSync(join(goldDir, n), 'utf8'));
    const file = (data as { file: string }).file;
    const text = readFileSync(join(RAW_DIR, file), 'utf8');
    const { gold, errors } = validateGold(data, text);
    assert.deepEqual(errors, [], `${n} is a valid annotation`);
    return { gold: gold as GoldFile, text };
  });

function overall(bytesOf: (text: string) => Uint8Array, goldOf: (g: GoldFile) => GoldFile = (g) => g): Summary {
  return summarize(aggregate('overall', samples.map((s) => scoreFile(goldOf(s.gold), segmentFile(s.gold.file, bytesOf(s.text)).articles))));
}

const original = overall((t) => new TextEncoder().encode(t));

test('segmentation meets the targets on the hand-annotated sample', () => {
  for (const [key, target] of Object.entries(TARGETS) as [SummaryKey, number][]) {
    assert.ok(original[key] >= target, `${key} ${original[key].toFixed(3)} < ${target}`);
  }
});

for (const v of VARIANTS) {
  test(`segmentation on the ${v.describe} variant stays within 0.03 of the original`, () => {
    const scores = overall(v.make, v.gold);
    for (const key of Object.keys(TARGETS) as SummaryKey[]) {
      assert.ok(scores[key] >= original[key] - 0.03, `${v.name} ${key}: ${scores[key].toFixed(3)} vs ${original[key].toFixed(3)}`);
    }
  });
}

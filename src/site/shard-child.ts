/**
 * Indexes one records file (`{"language", "records"}`, as the Eleventy build writes it) into one
 * Pagefind bundle, in a process of its own — to index or time a single shard by hand:
 *
 *   node --import tsx src/site/shard-child.ts <records.json> <bundle folder>
 *
 * indexShards() (src/site/shards.ts) no longer starts it: its lanes are Pagefind services of the
 * building process itself, fed from the records it has already read.
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { SearchRecordsFile } from '../search/records.ts';
import { indexOne } from './shards.ts';

const [recordsPath, outputPath] = process.argv.slice(2);
try {
  const { language, records } = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchRecordsFile;
  await indexOne(records, language, outputPath);
} finally {
  await pagefind.close();
}
process.exit(0);

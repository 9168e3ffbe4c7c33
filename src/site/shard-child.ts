/**
 * Indexes one Pagefind shard in a process of its own (src/site/shards.ts, concurrency > 1):
 *
 *   node --import tsx src/site/shard-child.ts <records.json> <bundle folder>
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

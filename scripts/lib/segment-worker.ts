/**
 * A worker thread of the segment pool (segment-pool.ts): loads nodejieba once, teaches it the
 * archive's lexicon before the first file (so every file is segmented against the same
 * dictionary, whatever order files reach which worker), then segments the files the main thread
 * sends and answers with the Markdown of each article (prepareArticle(), as segment-run.ts
 * writes it) and the file's report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { teach } from '../../src/keywords.ts';
import { segmentFile, UndecodableError } from '../../src/segment.ts';
import type { WorkerJob, WorkerReply } from './segment-pool.ts';
import { prepareArticle } from './segment-run.ts';

const { lexicon } = workerData as { lexicon: string[] };
const port = parentPort!;
teach(lexicon);

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const bytes = new Uint8Array(job.buffer, job.byteOffset, job.byteLength);
    const result = segmentFile(job.name, bytes, { lexicon, key: job.key });
    reply = {
      seq: job.seq,
      ok: true,
      articles: result.articles.map(prepareArticle),
      report: result.report,
    };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { seq: job.seq, ok: false, undecodable: err instanceof UndecodableError, message: e.message, stack: e.stack };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });

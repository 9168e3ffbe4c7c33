/**
 * A worker thread of the segment pool (segment-pool.ts): loads nodejieba once, teaches it the
 * archive's lexicon before the first file (so every file is segmented against the same
 * dictionary, whatever order files reach which worker) — given in workerData, or, for a warm
 * worker started before the lexicon was learnt, as its first message —, then segments the
 * files the main thread sends and answers with the Markdown of each article, its issue facts settled (prepareArticles())
 * and the file's report. Messages: segment-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDictionary, teach } from '../segment/keywords.ts';
import { segmentFile, UndecodableError } from '../segment/index.ts';
import { isPdfName, segmentPdfFile } from '../pdf/file.ts';
import { finishFile, type LexiconMessage, type ReadyMessage, type StopMessage, type WorkerInit, type WorkerJob, type WorkerReply } from './segment-protocol.ts';

const port = parentPort!;
const init = workerData as WorkerInit;
let lexicon: string[] | null = init.lexicon;
if (lexicon) teach(lexicon);
// a warm worker (startWarmWorkers) loads nodejieba's dictionaries now, while the main thread
// reads the archive, and learns the lexicon from its first message
else loadDictionary();

const ready: ReadyMessage = { ready: true };
port.on('message', async (job: WorkerJob | LexiconMessage | StopMessage) => {
  // between two native calls, never inside one (segment-protocol.ts, StopMessage)
  if ('stop' in job) process.exit(0);
  if ('lexicon' in job) {
    lexicon = job.lexicon;
    teach(lexicon);
    port.postMessage(ready);
    return;
  }
  let reply: WorkerReply;
  try {
    const bytes = new Uint8Array(job.buffer, job.byteOffset, job.byteLength);
    // a PDF is read asynchronously (pdfjs); the pool sends a worker one job at a time, so no two overlap
    const opts = { lexicon: lexicon ?? [], key: job.key };
    const result = isPdfName(job.name) ? await segmentPdfFile(job.name, bytes, opts) : segmentFile(job.name, bytes, opts);
    reply = { seq: job.seq, ok: true, ...finishFile(result, job.issue, job.corrections) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { seq: job.seq, ok: false, undecodable: err instanceof UndecodableError, message: e.message, stack: e.stack };
  }
  port.postMessage(reply);
});
if (init.lexicon) port.postMessage(ready);

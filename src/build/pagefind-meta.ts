/**
 * What a Pagefind bundle's metadata file (`pagefind.<language hash>.pf_meta`) says of its index
 * chunks: the range of words each holds and its file name. Pagefind's search script reads the
 * file to learn which chunk holds a word; the index stage reads it too, so that the search page
 * can ask for the chunks of the query in its address from its head (src/build/search-preload.ts).
 *
 * The file is gzip, then the bytes `pagefind_dcd`, then CBOR: an array whose third item lists
 * the chunks as [first word, last word, file hash] (Pagefind 1.x; anything else reads as none).
 */
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** An index chunk: it holds the words from `from` to `to` (inclusive, by code point); its file is `index/<hash>.pf_index`. */
export type IndexChunk = [from: string, to: string, hash: string];

/** Reads one CBOR item at `at` (the types Pagefind writes: integers, strings, arrays, maps); its value and where the next begins. */
function item(b: Buffer, at: number): [unknown, number] {
  const head = b[at];
  if (head === undefined) throw new Error('CBOR ends early');
  const major = head >> 5;
  const info = head & 31;
  let i = at + 1;
  let n: number;
  if (info < 24) n = info;
  else if (info === 24) (n = b.readUInt8(i)), (i += 1);
  else if (info === 25) (n = b.readUInt16BE(i)), (i += 2);
  else if (info === 26) (n = b.readUInt32BE(i)), (i += 4);
  else if (info === 27) (n = Number(b.readBigUInt64BE(i))), (i += 8);
  else if (info === 31 && (major === 4 || major === 5)) n = -1;
  else throw new Error(`CBOR item ${head} not read`);
  switch (major) {
    case 0:
      return [n, i];
    case 1:
      return [-1 - n, i];
    case 2:
      return [b.subarray(i, i + n), i + n];
    case 3:
      return [b.toString('utf8', i, i + n), i + n];
    case 4: {
      const out: unknown[] = [];
      for (let k = 0; n < 0 ? b[i] !== 0xff : k < n; k++) {
        const [v, next] = item(b, i);
        out.push(v);
        i = next;
      }
      return [out, n < 0 ? i + 1 : i];
    }
    case 5: {
      const out = new Map<unknown, unknown>();
      for (let k = 0; n < 0 ? b[i] !== 0xff : k < n; k++) {
        const [key, next] = item(b, i);
        const [v, after] = item(b, next);
        out.set(key, v);
        i = after;
      }
      return [out, n < 0 ? i + 1 : i];
    }
    case 7:
      return [info === 20 ? false : info === 21 ? true : null, i];
    default:
      throw new Error(`CBOR type ${major} not read`);
  }
}

/** The index chunks a metadata file lists, in order; none when it is not one Pagefind 1.x writes. */
export function indexChunks(file: Buffer): IndexChunk[] {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(file);
  } catch {
    return [];
  }
  if (bytes.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) return [];
  try {
    const [meta] = item(bytes, SIGNATURE.length);
    const chunks = Array.isArray(meta) ? meta[2] : null;
    if (!Array.isArray(chunks)) return [];
    return chunks.filter((c): c is IndexChunk => Array.isArray(c) && c.length === 3 && c.every((x) => typeof x === 'string'));
  } catch {
    return [];
  }
}

/**
 * A small seeded pseudo-random generator (mulberry32) for the synthetic archives and generated
 * queries: the same seed gives the same stream on every platform, so benchmarks and evaluations
 * are repeatable.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Test-only: `BAOKU_TEST_PAUSE_AT=<point>` makes a build stop at that point of its work, print
 * `test-pause: <point>` on stderr and wait there until it is killed, so that a test can kill it
 * at an exact moment (tests/build-safety.test.ts). Unset, as in every real build, pauseAt() does
 * nothing. The points, in the order a build passes them:
 *
 *   segment-swap            the articles are written to `<articles>.tmp-<pid>`, not yet swapped in
 *   segment-swap-renamed    between the two renames of that swap (no articles folder at all)
 *   segment-swap-done       the new articles are in place, the old ones not yet deleted
 *   eleventy                before the site is rendered into `<site>.next`
 *   pagefind                rendered, its manifest written, not yet indexed
 *   swap                    indexed, before the new site replaces the old one
 *   swap-renamed            between the two renames of the site swap (no site folder at all)
 *   swap-done               the new site is in place, the old one not yet deleted
 */
export async function pauseAt(point: string): Promise<void> {
  if (process.env.BAOKU_TEST_PAUSE_AT !== point) return;
  process.stderr.write(`test-pause: ${point}\n`);
  // a timer keeps the process alive (a bare pending promise would let it exit)
  await new Promise(() => setInterval(() => {}, 1 << 30));
}

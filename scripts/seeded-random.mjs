// A small, fast, seeded pseudo-random generator (mulberry32): the same seed always yields the same
// numbers, so generated stories are the same on every run and every machine. Shared by the
// benchmark (Node) and the tests (browser).

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

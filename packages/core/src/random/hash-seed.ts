/**
 * A seed for one named part of a computation (a site's profile, a conditional-independence test…), from
 * the run's seed and a key: FNV-1a over both. Streams seeded this way do not depend on the order in which
 * the parts are drawn, so adding one part leaves the others' draws unchanged.
 */
export function hashSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

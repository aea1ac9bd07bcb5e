import { native } from "./native.ts";

/** Live native tensors and the bytes they own, for this thread (tfjs's tf.memory()). */
export function memory(): { tensors: number; bytes: number } {
  return native.memory();
}

export function versions(): { libtorch: string; parallel: string } {
  const v = native.versions();
  return { libtorch: v.libtorch, parallel: v.parallel };
}

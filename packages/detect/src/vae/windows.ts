import { type Tensor, tidy } from "@vigil/torch";

/**
 * `count` windows of `span` steps cut from normalised channels [C, T], the first starting at
 * `start` and each next one `stride` steps later, as a contiguous [count, C, span] tensor.
 */
export function cutWindows(
  channels: Tensor,
  start: number,
  count: number,
  span: number,
  stride: number,
): Tensor {
  return tidy(() =>
    channels
      .narrow(1, start, (count - 1) * stride + span)
      .unfold(1, span, stride)
      .permute(1, 0, 2)
      .contiguous(),
  );
}

/** How many windows of `span` steps with `stride` fit in `steps` steps. */
export function windowCount(steps: number, span: number, stride: number): number {
  return steps < span ? 0 : Math.floor((steps - span) / stride) + 1;
}

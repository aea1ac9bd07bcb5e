// Spectral transforms (torch.fft). Results of forward transforms are complex tensors: use
// .abs(), .real(), .imag() or viewAsReal().
import { ops } from "../runtime/native.ts";
import { type Tensor, wrap } from "./tensor.ts";

type Norm = "backward" | "forward" | "ortho";

export function rfft(x: Tensor, options: { n?: number; dim?: number; norm?: Norm } = {}): Tensor {
  return wrap(ops.fft_rfft(x.handle, options.n, options.dim ?? -1, options.norm));
}
export function irfft(x: Tensor, options: { n?: number; dim?: number; norm?: Norm } = {}): Tensor {
  return wrap(ops.fft_irfft(x.handle, options.n, options.dim ?? -1, options.norm));
}
export function fft(x: Tensor, options: { n?: number; dim?: number; norm?: Norm } = {}): Tensor {
  return wrap(ops.fft_fft(x.handle, options.n, options.dim ?? -1, options.norm));
}
export function ifft(x: Tensor, options: { n?: number; dim?: number; norm?: Norm } = {}): Tensor {
  return wrap(ops.fft_ifft(x.handle, options.n, options.dim ?? -1, options.norm));
}
/** Short-time Fourier transform: complex [.., nFft/2+1, frames] (onesided), Hann window by default. */
export function stft(
  x: Tensor,
  options: {
    nFft: number;
    hopLength?: number;
    winLength?: number;
    window?: Tensor;
    center?: boolean;
    normalized?: boolean;
  },
): Tensor {
  const window =
    options.window ??
    hannWindow(options.winLength ?? options.nFft, true, x.dtype === "float64" ? "float64" : "float32");
  try {
    return wrap(
      ops.stft(
        x.handle,
        options.nFft,
        options.hopLength,
        options.winLength,
        window.handle,
        options.center ?? true,
        options.normalized ?? false,
        true,
      ),
    );
  } finally {
    if (options.window === undefined) window.dispose();
  }
}
export function hannWindow(n: number, periodic = true, dtype: "float32" | "float64" = "float32"): Tensor {
  return wrap(ops.hann_window(n, periodic, dtype));
}
export function viewAsReal(x: Tensor): Tensor {
  return wrap(ops.view_as_real(x.handle));
}

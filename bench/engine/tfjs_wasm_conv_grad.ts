// @tensorflow/tfjs-backend-wasm 4.x has no Conv2DBackpropFilter kernel, so no convolution can be trained
// on it as shipped. This registers one built from kernels the backend does have (pad, transpose, a dilated
// conv2d, slice), so the filter gradient still runs in wasm (XNNPACK) rather than in a JS loop:
//   dW[kh,kw,ci,co] = Σ_{b,oh,ow} xpad[b, oh·sh+kh, ow·sw+kw, ci] · dy[b,oh,ow,co]
// is a stride-1 convolution of xpad (with batch and channels swapped) by dy dilated by the stride.
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

export function registerWasmConv2DBackpropFilter(): void {
  tf.registerKernel({
    kernelName: tf.Conv2DBackpropFilter,
    backendName: "wasm",
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
        attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      if (dataFormat !== "NHWC")
        throw new Error(`Conv2DBackpropFilter (wasm): unsupported dataFormat ${dataFormat}`);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const [kh, kw, ci, co] = filterShape;
      const engine = tf.engine();
      const values = tf.tidy(() => {
        const xt = engine.makeTensorFromDataId(x.dataId, x.shape, x.dtype) as tf.Tensor4D;
        const dyt = engine.makeTensorFromDataId(dy.dataId, dy.shape, dy.dtype) as tf.Tensor4D;
        const { top, bottom, left, right } = info.padInfo;
        const xpad = tf.pad(xt, [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ]);
        const swapped = tf.transpose(xpad, [3, 1, 2, 0]); // [ci, H, W, batch]
        const kernel = tf.transpose(dyt, [1, 2, 0, 3]); // [oh, ow, batch, co]
        const full = tf.conv2d(swapped, kernel, 1, "valid", "NHWC", [info.strideHeight, info.strideWidth]);
        const dw = tf.transpose(tf.slice(full, [0, 0, 0, 0], [ci, kh, kw, co]), [1, 2, 0, 3]);
        return dw.dataSync() as Float32Array;
      });
      return (backend as BackendWasm).makeOutput(filterShape, "float32", undefined, values);
    },
  });
}

// @vigil/torch: the typed tensor engine on libtorch. The only public surface over the binding.

export { grad } from "./autograd/grad.ts";
export { enableGrad, isGradEnabled, noGrad, setGradEnabled } from "./autograd/grad-mode.ts";
export * as F from "./nn/functional.ts";
export * as init from "./nn/init.ts";
export { GELU, ReLU, Sigmoid, SiLU, Tanh } from "./nn/layers/activation.ts";
export { MultiheadAttention } from "./nn/layers/attention.ts";
export { Conv1d, Conv2d, type ConvLayerOptions, ConvTranspose1d } from "./nn/layers/conv.ts";
export { Dropout } from "./nn/layers/dropout.ts";
export { Embedding } from "./nn/layers/embedding.ts";
export { Linear, type LinearOptions } from "./nn/layers/linear.ts";
export { ModuleList } from "./nn/layers/module-list.ts";
export { BatchNorm1d, LayerNorm } from "./nn/layers/norm.ts";
export { GRU, LSTM, type LstmOutput, type RecurrentOptions } from "./nn/layers/recurrent.ts";
export { Sequential } from "./nn/layers/sequential.ts";
export {
  TransformerEncoder,
  TransformerEncoderLayer,
  type TransformerEncoderLayerOptions,
} from "./nn/layers/transformer.ts";
export { Module, UnaryModule } from "./nn/module.ts";
export { Adam, type AdamOptions, AdamW } from "./optim/adam.ts";
export { clipGradNorm } from "./optim/clip.ts";
export { Optimizer } from "./optim/optimizer.ts";
export { RMSprop, type RmspropOptions } from "./optim/rmsprop.ts";
export { CosineAnnealingLR, ReduceLROnPlateau, StepLR } from "./optim/schedulers.ts";
export { SGD, type SgdOptions } from "./optim/sgd.ts";
export { Program } from "./program/program.ts";
export { DisposedError, TorchArgumentError, TorchError } from "./runtime/errors.ts";
export { memory, versions } from "./runtime/memory.ts";
export { getNumThreads, setNumThreads } from "./runtime/native.ts";
export {
  loadSafetensors,
  safetensorsToStateDict,
  saveSafetensors,
  stateDictToSafetensors,
} from "./serialize/safetensors.ts";
export * from "./tensor/creation.ts";
export * as fft from "./tensor/fft.ts";
export * from "./tensor/functions.ts";
export { Generator, manualSeed } from "./tensor/generator.ts";
export { dispose, keep, tidy } from "./tensor/scope.ts";
export { type Dtype, type Shape, Tensor, type TensorLike, type TypedArray } from "./tensor/tensor.ts";

// The TensorFlow.js side of `npm run bench:engine`: the workloads of issue 3 on @tensorflow/tfjs-backend-wasm.
// Prints one JSON line: {"engine":"tfjs_wasm","threads":<used>,"threads_requested":N,"cases":[{name, ms | gflops}]}.
// Layout is TF's native channels-last ([batch, time, channels]); the arithmetic is the same as the
// channels-first PyTorch models (flatten order only permutes the rows of a weight matrix). Parameters are
// initialised exactly as PyTorch's defaults, written out here because TF.js's own defaults differ.
// Usage: node --import tsx bench/engine/tfjs_wasm.ts --threads N --steps S --warmup W
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import { registerWasmConv2DBackpropFilter } from "./tfjs_wasm_conv_grad.ts";
import { medianMs } from "./timing.ts";

const { values } = parseArgs({
  options: {
    threads: { type: "string", default: "0" },
    steps: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
  },
});
const threadsRequested = Number(values.threads) || availableParallelism();
const steps = Number(values.steps);
const warmup = Number(values.warmup);

// Must precede backend initialisation; the backend silently falls back to one thread when the
// runtime lacks SharedArrayBuffer/worker support, so the count actually used is read back below.
setThreadsCount(threadsRequested);
registerWasmConv2DBackpropFilter();
await tf.setBackend("wasm");
await tf.ready();
const threadsUsed = getThreadsCount();
console.error(
  `[tfjs_wasm] backend ${tf.getBackend()}, threads requested ${threadsRequested}, used ${threadsUsed}`,
);

let seed = 0;
const nextSeed = () => ++seed;

const time = (fn: () => void, n = steps, w = warmup): number => medianMs(fn, n, w);

// PyTorch's default: kaiming_uniform(a=√5) gives bound = √(1/3)·√(3/fan_in) = 1/√fan_in, the same bound
// as its bias init, so every weight and bias is uniform(±1/√fan_in).
function uniformVar(shape: number[], fanIn: number): tf.Variable {
  const bound = 1 / Math.sqrt(fanIn);
  return tf.variable(tf.randomUniform(shape, -bound, bound, "float32", nextSeed()));
}

class Linear {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
  constructor(inF: number, outF: number) {
    this.w = uniformVar([inF, outF], inF);
    this.b = uniformVar([outF], inF);
  }
  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(x, this.w as tf.Tensor2D), this.b);
  }
}

// Conv1d as conv2d on [B, 1, W, C] with PyTorch's symmetric explicit padding.
class Conv1d {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
  constructor(
    inC: number,
    outC: number,
    k: number,
    private readonly stride: number,
    private readonly pad: number,
  ) {
    this.w = uniformVar([1, k, inC, outC], inC * k);
    this.b = uniformVar([outC], inC * k);
  }
  forward(x: tf.Tensor4D): tf.Tensor4D {
    const p = this.pad;
    const y = tf.conv2d(
      x,
      this.w as tf.Tensor4D,
      [1, this.stride],
      [
        [0, 0],
        [0, 0],
        [p, p],
        [0, 0],
      ],
    );
    return tf.add(y, this.b);
  }
}

// ConvTranspose1d(k=4, stride 2, padding 1): TF's "same" transposed padding here is also 1 on each side.
// PyTorch computes fan_in of a transposed-conv weight [in, out, k] as out·k, so the bound uses that.
class ConvTranspose1d {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
  constructor(
    inC: number,
    private readonly outC: number,
    k: number,
    private readonly stride: number,
  ) {
    this.w = uniformVar([1, k, outC, inC], outC * k);
    this.b = uniformVar([outC], outC * k);
  }
  forward(x: tf.Tensor4D): tf.Tensor4D {
    const [batch, , width] = x.shape;
    const y = tf.conv2dTranspose(
      x,
      this.w as tf.Tensor4D,
      [batch, 1, width * this.stride, this.outC],
      [1, this.stride],
      "same",
    );
    return tf.add(y, this.b);
  }
}

class ConvVae {
  enc1 = new Conv1d(16, 32, 5, 2, 2);
  enc2 = new Conv1d(32, 64, 5, 2, 2);
  mu = new Linear(1024, 8);
  logvar = new Linear(1024, 8);
  dec = new Linear(8, 1024);
  dec1 = new ConvTranspose1d(64, 32, 4, 2);
  dec2 = new ConvTranspose1d(32, 16, 4, 2);
  // x: [B, 1, 64, 16] (batch, dummy height, time, channels)
  encode(x: tf.Tensor4D): { mu: tf.Tensor2D; logvar: tf.Tensor2D } {
    const h = tf.relu(this.enc2.forward(tf.relu(this.enc1.forward(x))));
    const flat = tf.reshape(h, [x.shape[0], 1024]) as tf.Tensor2D;
    return { mu: this.mu.forward(flat), logvar: this.logvar.forward(flat) };
  }
  decode(z: tf.Tensor2D): tf.Tensor4D {
    const h = tf.reshape(tf.relu(this.dec.forward(z)), [z.shape[0], 1, 16, 64]) as tf.Tensor4D;
    return this.dec2.forward(tf.relu(this.dec1.forward(h)));
  }
}

function vaeLoss(model: ConvVae, x: tf.Tensor4D): tf.Scalar {
  const { mu, logvar } = model.encode(x);
  const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), tf.randomNormal(mu.shape)));
  const recon = model.decode(z as tf.Tensor2D);
  const kl = tf.mul(
    tf.mean(tf.sum(tf.sub(tf.sub(tf.add(logvar, 1), tf.square(mu)), tf.exp(logvar)), 1)),
    -0.5,
  );
  return tf.add(tf.losses.meanSquaredError(x, recon), tf.mul(kl, 1e-3)) as tf.Scalar;
}

// One LSTM layer with PyTorch's parameterisation (gate order i, f, g, o; separate b_ih and b_hh,
// everything uniform(±1/√hidden)). The input projection for all steps is one matmul.
class LstmLayer {
  readonly wIh: tf.Variable;
  readonly wHh: tf.Variable;
  readonly bIh: tf.Variable;
  readonly bHh: tf.Variable;
  constructor(
    inF: number,
    private readonly hidden: number,
  ) {
    this.wIh = uniformVar([inF, 4 * hidden], hidden);
    this.wHh = uniformVar([hidden, 4 * hidden], hidden);
    this.bIh = uniformVar([4 * hidden], hidden);
    this.bHh = uniformVar([4 * hidden], hidden);
  }
  // x: [B, T, F] → outputs [B, T, H] and the last hidden state [B, H]
  forward(x: tf.Tensor3D): { output: tf.Tensor3D; last: tf.Tensor2D } {
    const [batch, steps, features] = x.shape;
    const H = this.hidden;
    const proj = tf.reshape(
      tf.add(
        tf.matMul(tf.reshape(x, [batch * steps, features]), this.wIh as tf.Tensor2D),
        tf.add(this.bIh, this.bHh),
      ),
      [batch, steps, 4 * H],
    );
    const inputs = tf.unstack(proj, 1) as tf.Tensor2D[];
    let h = tf.zeros([batch, H]) as tf.Tensor2D;
    let c = tf.zeros([batch, H]) as tf.Tensor2D;
    const outputs: tf.Tensor2D[] = [];
    for (const xt of inputs) {
      const gates = tf.add(xt, tf.matMul(h, this.wHh as tf.Tensor2D));
      const [i, f, g, o] = tf.split(gates, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      h = tf.mul(tf.sigmoid(o), tf.tanh(c));
      outputs.push(h);
    }
    return { output: tf.stack(outputs, 1) as tf.Tensor3D, last: h };
  }
}

class LstmAe {
  enc = [new LstmLayer(16, 64), new LstmLayer(64, 64)];
  dec = [new LstmLayer(64, 64), new LstmLayer(64, 64)];
  out = new Linear(64, 16);
  forward(x: tf.Tensor3D): tf.Tensor3D {
    const [batch, steps] = x.shape;
    const top = this.enc[1]!.forward(this.enc[0]!.forward(x).output).last;
    const repeated = tf.tile(tf.expandDims(top, 1), [1, steps, 1]) as tf.Tensor3D;
    const decoded = this.dec[1]!.forward(this.dec[0]!.forward(repeated).output).output;
    const y = this.out.forward(tf.reshape(decoded, [batch * steps, 64]) as tf.Tensor2D);
    return tf.reshape(y, [batch, steps, 16]) as tf.Tensor3D;
  }
}

// One step = gradients of the loss w.r.t. all trainable variables + Adam update (minimize does both
// and zeroes nothing: TF.js gradients are not accumulated). Adam's epsilon is set to PyTorch's 1e-8.
function trainCase(loss: () => tf.Scalar): number {
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const ms = time(() => tf.tidy(() => void opt.minimize(loss)));
  opt.dispose();
  return ms;
}

const cases: Array<{ name: string; ms?: number; gflops?: number }> = [];

console.error("[tfjs_wasm] vae_train");
const vae = new ConvVae();
const x = tf.randomNormal([64, 1, 64, 16], 0, 1, "float32", nextSeed()) as tf.Tensor4D;
cases.push({ name: "vae_train", ms: trainCase(() => vaeLoss(vae, x)) });

console.error("[tfjs_wasm] lstm_ae_train");
const lstm = new LstmAe();
const xs = tf.randomNormal([64, 64, 16], 0, 1, "float32", nextSeed()) as tf.Tensor3D;
cases.push({
  name: "lstm_ae_train",
  ms: trainCase(() => tf.losses.meanSquaredError(xs, lstm.forward(xs)) as tf.Scalar),
});

console.error("[tfjs_wasm] matmul_512");
const a = tf.randomNormal([512, 512], 0, 1, "float32", nextSeed()) as tf.Tensor2D;
const b = tf.randomNormal([512, 512], 0, 1, "float32", nextSeed()) as tf.Tensor2D;
const mmMs = time(() => tf.matMul(a, b).dispose(), 200, 20);
cases.push({ name: "matmul_512", gflops: (2 * 512 ** 3) / (mmMs / 1e3) / 1e9 });

// Inference: no tape is recorded outside a gradient function, which is TF.js's no-grad mode.
console.error("[tfjs_wasm] vae_infer_b1");
const one = tf.randomNormal([1, 1, 64, 16], 0, 1, "float32", nextSeed()) as tf.Tensor4D;
const inferMs = time(() => tf.tidy(() => void vae.decode(vae.encode(one).mu)), 200, 20);
cases.push({ name: "vae_infer_b1", ms: inferMs });

console.log(
  JSON.stringify({
    engine: "tfjs_wasm",
    threads: threadsUsed,
    threads_requested: threadsRequested,
    tfjs: tf.version.tfjs,
    cases,
  }),
);

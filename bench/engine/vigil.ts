// The engine side of `npm run bench:engine`: the four workloads of issue 3 on @vigil/torch.
// Prints one JSON line: {"engine":"vigil","threads":N,"cases":[{name, ms | gflops}, ...]}.
// --mode eager (default) calls ops one by one from JS; --mode traced replays a traced Program.
import { parseArgs } from "node:util";
import * as T from "@vigil/torch";
import { medianMs } from "./timing.ts";

const { values } = parseArgs({
  options: {
    threads: { type: "string", default: "0" },
    steps: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    mode: { type: "string", default: "eager" },
  },
});
const threads = Number(values.threads) || (await import("node:os")).availableParallelism();
const steps = Number(values.steps);
const warmup = Number(values.warmup);
const traced = values.mode === "traced";
T.setNumThreads(threads);
T.manualSeed(0);

const time = (fn: () => void, n = steps, w = warmup): number => medianMs(fn, n, w);

class ConvVae extends T.Module {
  enc1 = this.registerModule("enc1", new T.Conv1d(16, 32, 5, { stride: 2, padding: 2 }));
  enc2 = this.registerModule("enc2", new T.Conv1d(32, 64, 5, { stride: 2, padding: 2 }));
  mu = this.registerModule("mu", new T.Linear(1024, 8));
  logvar = this.registerModule("logvar", new T.Linear(1024, 8));
  dec = this.registerModule("dec", new T.Linear(8, 1024));
  dec1 = this.registerModule("dec1", new T.ConvTranspose1d(64, 32, 4, { stride: 2, padding: 1 }));
  dec2 = this.registerModule("dec2", new T.ConvTranspose1d(32, 16, 4, { stride: 2, padding: 1 }));
  encode(x: T.Tensor): { mu: T.Tensor; logvar: T.Tensor } {
    const h = this.enc2.forward(this.enc1.forward(x).relu()).relu().flatten(1);
    return { mu: this.mu.forward(h), logvar: this.logvar.forward(h) };
  }
  decode(z: T.Tensor): T.Tensor {
    const h = this.dec.forward(z).relu().reshape(-1, 64, 16);
    return this.dec2.forward(this.dec1.forward(h).relu());
  }
}

function vaeLoss(model: ConvVae, x: T.Tensor): T.Tensor {
  const { mu, logvar } = model.encode(x);
  const z = mu.add(logvar.mul(0.5).exp().mul(T.randnLike(mu)));
  const recon = model.decode(z);
  const kl = logvar.add(1).sub(mu.square()).sub(logvar.exp()).sum(1).mean().mul(-0.5);
  return T.F.mseLoss(recon, x).add(kl.mul(1e-3));
}

class LstmAe extends T.Module {
  enc = this.registerModule("enc", new T.LSTM(16, 64, { numLayers: 2 }));
  dec = this.registerModule("dec", new T.LSTM(64, 64, { numLayers: 2 }));
  out = this.registerModule("out", new T.Linear(64, 16));
  forward(x: T.Tensor): T.Tensor {
    const { h } = this.enc.forward(x);
    const last = h.select(0, 1).unsqueeze(1).expand(x.size(0), x.size(1), 64);
    return this.out.forward(this.dec.forward(last).output);
  }
}

function trainCase(model: T.Module, loss: (x: T.Tensor) => T.Tensor, x: T.Tensor): number {
  const opt = new T.Adam(model.parameters(), { lr: 1e-3 });
  const step = () => {
    opt.zeroGrad();
    const l = loss(x);
    l.backward();
    opt.step();
    return l;
  };
  if (traced) {
    const program = T.Program.trace(() => step(), []);
    return time(() => T.tidy(() => void program.run([])));
  }
  return time(() => T.tidy(() => void step()));
}

const gen = new T.Generator(0);
const cases: Array<{ name: string; ms?: number; gflops?: number }> = [];

const vae = new ConvVae();
const x = T.keep(T.randn([64, 16, 64], { generator: gen }));
console.error(`[vigil] vae_train (${values.mode}, ${threads} threads)`);
cases.push({ name: "vae_train", ms: trainCase(vae, (b) => vaeLoss(vae, b), x) });

const lstm = new LstmAe();
const xs = T.keep(T.randn([64, 64, 16], { generator: gen }));
console.error("[vigil] lstm_ae_train");
cases.push({ name: "lstm_ae_train", ms: trainCase(lstm, (b) => T.F.mseLoss(lstm.forward(b), b), xs) });

console.error("[vigil] matmul_512");
const a = T.keep(T.randn([512, 512], { generator: gen }));
const b = T.keep(T.randn([512, 512], { generator: gen }));
const mmMs = time(() => T.tidy(() => void a.matmul(b)), 200, 20);
cases.push({ name: "matmul_512", gflops: (2 * 512 ** 3) / (mmMs / 1e3) / 1e9 });

console.error("[vigil] vae_infer_b1");
vae.eval();
const one = T.keep(T.randn([1, 16, 64], { generator: gen }));
const infer = () => vae.decode(vae.encode(one).mu);
let inferMs: number;
if (traced) {
  const program = T.noGrad(() => T.Program.trace(() => infer(), []));
  inferMs = time(() => T.tidy(() => void program.run([])), 200, 20);
} else {
  inferMs = time(() => T.noGrad(() => T.tidy(() => void infer())), 200, 20);
}
cases.push({ name: "vae_infer_b1", ms: inferMs });

console.log(JSON.stringify({ engine: "vigil", mode: values.mode, threads, cases }));

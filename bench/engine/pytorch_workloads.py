"""The PyTorch side of `npm run bench:engine`: the four workloads of issue 3 on Debian's python3-torch
(the same libtorch build the engine links). Prints one JSON line:
{"engine":"pytorch","threads":N,"cases":[{"name":..., "ms" | "gflops": ...}, ...]}.
Usage: python3 bench/engine/pytorch_workloads.py --threads N --steps S --warmup W
"""

import argparse
import json
import os
import statistics
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=0)
parser.add_argument("--steps", type=int, default=30)
parser.add_argument("--warmup", type=int, default=5)
args = parser.parse_args()
threads = args.threads or os.cpu_count() or 1

torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(0)


def log(msg):
    print(f"[pytorch] {msg}", file=sys.stderr, flush=True)


def timed_median_ms(fn, n, w):
    for _ in range(w):
        fn()
    ms = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms)


class ConvVae(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc1 = nn.Conv1d(16, 32, 5, stride=2, padding=2)
        self.enc2 = nn.Conv1d(32, 64, 5, stride=2, padding=2)
        self.mu = nn.Linear(1024, 8)
        self.logvar = nn.Linear(1024, 8)
        self.dec = nn.Linear(8, 1024)
        self.dec1 = nn.ConvTranspose1d(64, 32, 4, stride=2, padding=1)
        self.dec2 = nn.ConvTranspose1d(32, 16, 4, stride=2, padding=1)

    def encode(self, x):
        h = F.relu(self.enc2(F.relu(self.enc1(x)))).flatten(1)
        return self.mu(h), self.logvar(h)

    def decode(self, z):
        h = F.relu(self.dec(z)).reshape(-1, 64, 16)
        return self.dec2(F.relu(self.dec1(h)))


def vae_loss(model, x):
    mu, logvar = model.encode(x)
    z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
    recon = model.decode(z)
    kl = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))
    return F.mse_loss(recon, x) + 1e-3 * kl


class LstmAe(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.LSTM(16, 64, num_layers=2, batch_first=True)
        self.dec = nn.LSTM(64, 64, num_layers=2, batch_first=True)
        self.out = nn.Linear(64, 16)

    def forward(self, x):
        _, (h, _) = self.enc(x)
        last = h[-1].unsqueeze(1).expand(x.size(0), x.size(1), 64)
        out, _ = self.dec(last)
        return self.out(out)


def train_case(model, loss_fn, x):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        opt.zero_grad()
        loss = loss_fn(x)
        loss.backward()
        opt.step()

    return timed_median_ms(step, args.steps, args.warmup)


gen = torch.Generator().manual_seed(0)
cases = []

log(f"vae_train ({threads} threads)")
vae = ConvVae()
x = torch.randn(64, 16, 64, generator=gen)
cases.append({"name": "vae_train", "ms": train_case(vae, lambda b: vae_loss(vae, b), x)})

log("lstm_ae_train")
lstm = LstmAe()
xs = torch.randn(64, 64, 16, generator=gen)
cases.append({"name": "lstm_ae_train", "ms": train_case(lstm, lambda b: F.mse_loss(lstm(b), b), xs)})

log("matmul_512")
a = torch.randn(512, 512, generator=gen)
b = torch.randn(512, 512, generator=gen)
with torch.no_grad():
    mm_ms = timed_median_ms(lambda: torch.matmul(a, b), 200, 20)
cases.append({"name": "matmul_512", "gflops": 2 * 512**3 / (mm_ms / 1e3) / 1e9})

log("vae_infer_b1")
vae.eval()
one = torch.randn(1, 16, 64, generator=gen)
with torch.no_grad():
    infer_ms = timed_median_ms(lambda: vae.decode(vae.encode(one)[0]), 200, 20)
cases.append({"name": "vae_infer_b1", "ms": infer_ms})

print(json.dumps({"engine": "pytorch", "threads": torch.get_num_threads(), "torch": torch.__version__, "cases": cases}), flush=True)

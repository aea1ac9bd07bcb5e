"""The Python PyTorch baseline of bench/stream: the same VAE (weights read from the model's
safetensors file in the registry) scoring windows in a loop, as the stream scorer does: normalise,
encode, decode the latent mean, per-channel squared error over the last scoreSteps steps divided by
the error scale, plus the KL term. Prints one JSON line with windows/s.

Usage: python3 pytorch_scorer.py --model-dir <registry>/<id> --batch 5 --seconds 4 --threads 2
"""
import argparse
import json
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F64": np.float64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        array = np.frombuffer(data[8 + n + start : 8 + n + end], dtype=DTYPES[spec["dtype"]])
        out[name] = torch.from_numpy(array.reshape(spec["shape"]).copy())
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model-dir", required=True)
    p.add_argument("--batch", type=int, default=5)
    p.add_argument("--seconds", type=float, default=4.0)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    w = read_safetensors(f"{a.model_dir}/weights.safetensors")
    card = json.load(open(f"{a.model_dir}/card.json"))
    cfg = card["config"]
    L = cfg["windowLength"]
    score_steps = cfg["scoreSteps"]
    beta = cfg["beta"]
    convs = sorted(
        {k.rsplit(".", 1)[0] for k in w if k.startswith("model.encoder.body.")},
        key=lambda k: int(k.split(".")[-1]),
    )
    center = w["normaliser.center"].float().view(1, -1, 1)
    scale = w["normaliser.scale"].float().view(1, -1, 1)
    error_scale = w["error_scale"].float().view(1, -1)
    C = center.shape[1]

    def score(x):
        x = (x - center) / scale
        h = x
        for name in convs:
            h = F.relu(F.conv1d(h, w[name + ".weight"], w[name + ".bias"], stride=2, padding=2))
        h = h.flatten(1)
        mu = F.linear(h, w["model.mu.weight"], w["model.mu.bias"])
        logvar = F.linear(h, w["model.logvar.weight"], w["model.logvar.bias"]).clamp(-10, 10)
        d = F.relu(F.linear(mu, w["model.decoder.0.weight"], w["model.decoder.0.bias"]))
        recon = F.linear(d, w["model.decoder.2.weight"], w["model.decoder.2.bias"]).view(-1, C, L)
        by_channel = (recon - x)[:, :, L - score_steps :].square().mean(2) / error_scale
        kl = 0.5 * (mu.square() + logvar.exp() - logvar - 1).sum(1) * beta / L
        return by_channel.sum(1) + kl

    rng = np.random.default_rng(1)
    x = torch.from_numpy(rng.standard_normal((a.batch, C, L)).astype(np.float32))
    with torch.no_grad():
        for _ in range(20):
            score(x)
        calls = 0
        started = time.perf_counter()
        while time.perf_counter() - started < a.seconds:
            score(x)
            calls += 1
        elapsed = time.perf_counter() - started
    print(json.dumps({"batch": a.batch, "threads": a.threads, "calls": calls, "windowsPerSecond": calls * a.batch / elapsed, "torch": torch.__version__}))


if __name__ == "__main__":
    main()

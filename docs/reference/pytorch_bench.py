"""PyTorch eager reference for `jbang bench`: the same LGA-ECG model (../../shared/lga-ecg-spec.md), batch and
input, timed the same way (median of several runs of a few batches), so issue 7's ">= 1.2x PyTorch" target is
checked on the machine at hand. Not part of the product or its tests.

    python3 docs/reference/pytorch_bench.py --threads 2
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Residual(nn.Module):
    def __init__(self, kernel, stride):
        super().__init__()
        pad = (kernel - 1) // 2
        self.conv1 = nn.Conv1d(64, 64, kernel, stride, pad, bias=False)
        self.bn1 = nn.BatchNorm1d(64)
        self.conv2 = nn.Conv1d(64, 64, kernel, 1, pad, bias=False)
        self.bn2 = nn.BatchNorm1d(64)
        self.drop = nn.Dropout(0.1)
        self.skip_conv = nn.Conv1d(64, 64, 1, stride, bias=False) if stride != 1 else None

    def forward(self, x):
        y = self.drop(F.relu(self.bn1(self.conv1(x))))
        y = self.drop(self.bn2(self.conv2(y)))
        return F.relu(y + (self.skip_conv(x) if self.skip_conv is not None else x))


class FrontEnd(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv_in = nn.Conv1d(channels, 64, 7, 2, 3, bias=False)
        self.bn_in = nn.BatchNorm1d(64)
        self.drop = nn.Dropout(0.1)
        self.layer1, self.layer2 = Residual(7, 1), Residual(7, 2)
        self.layer3, self.layer4 = Residual(5, 1), Residual(5, 2)

    def forward(self, x):
        x = self.drop(F.relu(self.bn_in(self.conv_in(x))))
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


class Attention(nn.Module):
    def __init__(self, heads=8):
        super().__init__()
        self.heads = heads
        self.norm = nn.LayerNorm(64)
        self.proj_Q = nn.Conv1d(64, 64, 3, padding=1, bias=False)
        self.proj_K = nn.Conv1d(64, 64, 3, padding=1, bias=False)
        self.proj_V = nn.Conv1d(64, 64, 3, padding=1, bias=False)

    def forward(self, x):
        b, n, d = x.shape
        h = self.norm(x).transpose(1, 2)
        q = F.avg_pool1d(self.proj_Q(h), 2, 2)
        k, v = self.proj_K(h), self.proj_V(h)
        split = lambda t: t.reshape(b, self.heads, d // self.heads, -1).transpose(2, 3)
        q, k, v = split(q), split(k), split(v)
        a = torch.softmax(q @ k.transpose(2, 3) / math.sqrt(d // self.heads), dim=-1)
        return (a @ v).transpose(1, 2).reshape(b, n // 2, d), a


class Block(nn.Module):
    def __init__(self, index):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(64), nn.LayerNorm(64)
        self.attn = Attention()
        self.res_conv = nn.Conv1d(64, 64, 1)
        self.mlp = nn.Sequential(nn.Linear(64, 128 * 2 ** index), nn.ReLU(), nn.Linear(128 * 2 ** index, 64))

    def forward(self, x):
        xn = self.norm1(x)
        y, a = self.attn(xn)
        y = y + self.res_conv(F.max_pool1d(xn.transpose(1, 2), 2, 2)).transpose(1, 2)
        return y + self.mlp(self.norm2(y)), a


class LgaEcg(nn.Module):
    def __init__(self, channels=12):
        super().__init__()
        self.frontend = FrontEnd(channels)
        self.transformer_layers = nn.ModuleList(Block(i) for i in range(5))
        self.mlp = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 6))

    def forward(self, x):
        x = self.frontend(x).transpose(1, 2)
        for block in self.transformer_layers:
            x, _ = block(x)
        return self.mlp(x.mean(dim=1))


def rates(step, batch, warmup, runs, steps):
    for _ in range(warmup):
        step()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(steps):
            step()
        out.append(steps * batch / (time.perf_counter() - start))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = LgaEcg()
    assert sum(p.numel() for p in model.parameters()) == 935_110
    x = lambda: torch.randn(args.batch, 12, 2560)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)

    def inference():
        model.eval()
        with torch.inference_mode():
            model(x())

    def training():
        model.train()
        labels = (torch.rand(args.batch, 6) > 0.5).float()
        loss = F.binary_cross_entropy_with_logits(model(x()), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    def input_gradient():
        model.eval()
        for p in model.parameters():
            p.requires_grad_(False)
        inp = x().requires_grad_(True)
        model(inp).sum().backward()
        for p in model.parameters():
            p.requires_grad_(True)

    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch}")
    for name, step in [("inference", inference), ("training", training), ("input-gradient", input_gradient)]:
        r = rates(step, args.batch, args.warmup, args.runs, args.steps)
        print(f"{name:15s} {statistics.median(r):7.1f} samples/s (min {min(r):.1f}, max {max(r):.1f})")


if __name__ == "__main__":
    main()

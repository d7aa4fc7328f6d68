#!/usr/bin/env python3
"""Puts a SymGrad `--quick` JSON and a tools/bench_pytorch.py JSON side by side as a Markdown table.

    python3 tools/side_by_side.py symgrad.json pytorch.json
"""
import json
import sys


def main():
    symgrad = json.load(open(sys.argv[1]))
    pytorch = {n["name"]: n["implementations"]["pytorch"] for n in json.load(open(sys.argv[2]))["networks"]}
    ceiling = symgrad["ceiling_gflops"]
    print(f"FMA ceiling measured in this run: {ceiling} GFLOP/s (one core)\n")
    print("| network, batch | generated us | GFLOP/s (% of ceiling) | alloc B/step | generic us | generic+kernels us "
          "| reference us | PyTorch us | generated / PyTorch | reference / generated | generic / generated |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in symgrad["networks"]:
        impl = n["implementations"]
        g = impl["generated"]["us_per_step"]
        torch_us = pytorch.get(n["name"], {}).get("us_per_step")
        ratio = f"{g / torch_us:.3f}" if torch_us else "n/a"
        print(f"| {n['name']}, B={n['batch']} | {g} | {impl['generated']['gflops']} ({100 * impl['generated']['gflops'] / ceiling:.0f}%) "
              f"| {impl['generated']['allocated_bytes_per_step']:.0f} | {impl['generic']['us_per_step']} | {impl['generic_kernels']['us_per_step']} "
              f"| {impl['reference']['us_per_step']} | {torch_us if torch_us else 'n/a'} | {ratio} "
              f"| {impl['reference']['us_per_step'] / g:.1f} | {impl['generic']['us_per_step'] / g:.1f} |")
    print("\n| dense product | shape | GFLOP/s | % of ceiling |")
    print("|---|---|---|---|")
    for p in symgrad["dense_products"]:
        print(f"| {p['product']} | {p['shape']} | {p['gflops']} | {100 * p['gflops'] / ceiling:.0f}% |")
    gen = symgrad["generator"]
    print(f"\nGenerator on a {gen['layers']}-layer definition: first run {gen['first_run_ms']} ms (includes JIT), then median {gen['median_ms']} ms.")


if __name__ == "__main__":
    main()

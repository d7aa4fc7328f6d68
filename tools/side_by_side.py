#!/usr/bin/env python3
"""Puts SymGrad `--quick` runs and tools/bench_pytorch.py runs side by side as a Markdown table.

    python3 tools/side_by_side.py --symgrad s1.json s2.json s3.json --pytorch p1.json p2.json p3.json

With several runs of each (tools/bench_side_by_side.sh alternates them, so that both sides see the same
machine load), every number is the median over the runs of that run's own median.
"""
import argparse
import json
import statistics


# The single-core FMA ceiling the performance issue quotes for its reference machine (GFLOP/s).
ISSUE_CEILING = 206

def median_of(runs, path):
    values = []
    for run in runs:
        value = run
        for key in path:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--symgrad", nargs="+", required=True)
    parser.add_argument("--pytorch", nargs="+", required=True)
    args = parser.parse_args()
    symgrad = [json.load(open(f)) for f in args.symgrad]
    pytorch = [{n["name"]: n for n in json.load(open(f))["networks"]} for f in args.pytorch]
    ceiling = median_of(symgrad, ["ceiling_gflops"])
    print(f"{len(symgrad)} SymGrad and {len(pytorch)} PyTorch runs, alternated; each number is the median over runs of the run's median.")
    print(f"FMA ceiling measured here: {ceiling:.1f} GFLOP/s (one core); the issue's reference machine: {ISSUE_CEILING}.\n")
    print("| network, batch | generated us | GFLOP/s (% of measured ceiling, % of 206) | alloc B/step | generic us | generic+kernels us "
          "| reference us | PyTorch us | generated / PyTorch | reference / generated | generic / generated |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for index, network in enumerate(symgrad[0]["networks"]):
        name = network["name"]
        runs = [run["networks"][index] for run in symgrad]

        def us(implementation):
            return median_of(runs, ["implementations", implementation, "us_per_step"])

        generated = us("generated")
        gflops = median_of(runs, ["implementations", "generated", "gflops"])
        allocated = max(r["implementations"]["generated"]["allocated_bytes_per_step"] for r in runs)
        torch_us = median_of(pytorch, [name, "implementations", "pytorch", "us_per_step"])
        print(f"| {name}, B={network['batch']} | {generated:.1f} | {gflops:.1f} ({100 * gflops / ceiling:.0f}%, {100 * gflops / ISSUE_CEILING:.0f}%) | {allocated:.0f} "
              f"| {us('generic'):.1f} | {us('generic_kernels'):.1f} | {us('reference'):.1f} | {torch_us:.1f} "
              f"| {generated / torch_us:.3f} | {us('reference') / generated:.1f} | {us('generic') / generated:.1f} |")
    print("\n| dense product | shape | GFLOP/s | % of measured ceiling | % of 206 |")
    print("|---|---|---|---|---|")
    for index, product in enumerate(symgrad[0]["dense_products"]):
        gflops = median_of(symgrad, ["dense_products", index, "gflops"])
        print(f"| {product['product']} | {product['shape']} | {gflops:.1f} | {100 * gflops / ceiling:.0f}% | {100 * gflops / ISSUE_CEILING:.0f}% |")
    first = median_of(symgrad, ["generator", "first_run_ms"])
    warm = median_of(symgrad, ["generator", "median_ms"])
    layers = symgrad[0]["generator"]["layers"]
    print(f"\nGenerator on a {layers}-layer definition: first run {first:.0f} ms (includes JIT of the generator and Roslyn), then {warm:.1f} ms.")


if __name__ == "__main__":
    main()

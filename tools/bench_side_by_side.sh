#!/usr/bin/env bash
# One command for the README's performance table: SymGrad's --quick run and PyTorch's, side by side.
# Usage: tools/bench_side_by_side.sh [output-directory]   (default: artifacts/bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/bench}"
mkdir -p "$out"
dotnet build "$root/tests/SymGrad.Benchmarks" -c Release -v quiet -nologo > /dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$root/tests/SymGrad.Benchmarks/bin/Release/net10.0/SymGrad.Benchmarks.dll" --quick > "$out/symgrad.json"
# OpenBLAS picks its kernel for this CPU only when these are unset; one thread, as the C# side.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$root/tools/bench_pytorch.py" > "$out/pytorch.json"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  python3 "$root/tools/side_by_side.py" "$out/symgrad.json" "$out/pytorch.json"
  # Other processes share the cores: the load average says how much the timings can be trusted.
  echo
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after; logical cores: $(nproc)."
} | tee "$out/table.md"

#!/usr/bin/env bash
# One command for the README's performance table: SymGrad's --quick run and PyTorch's, side by side.
# Usage: tools/bench_side_by_side.sh [output-directory]   (default: artifacts/bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/bench}"
mkdir -p "$out"
dotnet build "$root/tests/SymGrad.Benchmarks" -c Release -v quiet -nologo > /dev/null
dotnet "$root/tests/SymGrad.Benchmarks/bin/Release/net10.0/SymGrad.Benchmarks.dll" --quick > "$out/symgrad.json"
# OpenBLAS picks its kernel for this CPU only when these are unset; one thread, as the C# side.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$root/tools/bench_pytorch.py" > "$out/pytorch.json"
python3 "$root/tools/side_by_side.py" "$out/symgrad.json" "$out/pytorch.json" | tee "$out/table.md"

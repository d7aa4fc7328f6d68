#!/usr/bin/env bash
# One command for the README's performance table: SymGrad's --quick run and PyTorch's, alternated RUNS times
# (default 3) so that both see the same machine load, then side by side (medians over the runs).
# Usage: tools/bench_side_by_side.sh [output-directory] [runs]   (default: artifacts/bench, 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/bench}"
runs="${2:-3}"
mkdir -p "$out"
dotnet build "$root/tests/SymGrad.Benchmarks" -c Release -v quiet -nologo > /dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  dotnet "$root/tests/SymGrad.Benchmarks/bin/Release/net10.0/SymGrad.Benchmarks.dll" --quick > "$out/symgrad-$run.json"
  # OpenBLAS picks its kernel for this CPU only when these are unset; one thread, as the C# side.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    /usr/bin/python3 "$root/tools/bench_pytorch.py" > "$out/pytorch-$run.json"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  python3 "$root/tools/side_by_side.py" --symgrad "$out"/symgrad-*.json --pytorch "$out"/pytorch-*.json
  # Other processes share the cores: the load average says how much the timings can be trusted.
  echo
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after; logical cores: $(nproc)."
} | tee "$out/table.md"

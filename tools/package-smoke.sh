#!/usr/bin/env bash
# Consumer smoke test of the NuGet package: packs src/SymGrad into a local folder, creates a throwaway
# console project outside the repository that references SymGrad by PackageReference from that folder
# only (plus nuget.org for what the SDK itself needs), defines a network, builds it with warnings as
# errors and runs one training step and a checkpoint round trip. Exits 0 on success, non-zero with a
# message otherwise. Usage: tools/package-smoke.sh [Configuration]   (default Release)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${1:-Release}"
work="$(mktemp -d "${TMPDIR:-/tmp}/symgrad-smoke.XXXXXX")"
# A version no earlier run used, so that a SymGrad already in the global packages folder can never
# be picked up instead of the one packed here.
version="0.0.0-smoke.$(date +%s).$$"
packages_dir="$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')"

cleanup() {
    rm -rf "$work"
    # The unique version is useless after this run: do not let smoke versions pile up in the cache.
    if [[ -n "$packages_dir" ]]; then
        rm -rf "$packages_dir/symgrad/$version"
        rmdir --ignore-fail-on-non-empty "$packages_dir/symgrad" 2>/dev/null || true
    fi
}
trap cleanup EXIT

echo "package smoke test: packing SymGrad $version"
dotnet pack "$root/src/SymGrad/SymGrad.csproj" -c "$configuration" -o "$work/feed" \
    -p:PackageVersion="$version" --nologo -v quiet

mkdir -p "$work/consumer"
cp "$root/global.json" "$work/consumer/"
# Only the local folder and nuget.org: no machine-wide or user source takes part.
cat >"$work/consumer/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="SymGrad" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML

cat >"$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- With XML docs on, a generated member without a complete doc comment would be a warning, hence an error. -->
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SymGrad" Version="$version" />
  </ItemGroup>
</Project>
XML

cat >"$work/consumer/XorNet.cs" <<'CS'
using SymGrad;

namespace Consumer;

/// <summary>XOR as a two-class problem.</summary>
[Network(MaxBatchSize = 4)]
public partial class XorNet
{
    readonly Linear hidden = new(2, 8, Init.XavierUniform);
    readonly Linear output = new(8, 2, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => output.Forward(Tanh(hidden.Forward(x)));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
CS

cat >"$work/consumer/Program.cs" <<'CS'
using SymGrad;
using SymGrad.Checkpoints;

var network = new Consumer.XorNet(seed: 1);
var optimizer = new Adam(learningRate: 0.01);
float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
int[] labels = [0, 1, 1, 0];
float loss = network.TrainStep(inputs, labels, optimizer);
if (!float.IsFinite(loss) || optimizer.StepCount != 1)
{
    Console.Error.WriteLine($"unexpected training step: loss {loss}, steps {optimizer.StepCount}");
    return 1;
}

string path = Path.Combine(AppContext.BaseDirectory, "xor.sgckpt");
Checkpoint.Save(path, network, optimizer);
var restored = new Consumer.XorNet(seed: 2);
var restoredOptimizer = new Adam(learningRate: 0.01);
Checkpoint.Load(path, restored, restoredOptimizer);
if (!network.Parameters.SequenceEqual(restored.Parameters) || restoredOptimizer.StepCount != 1)
{
    Console.Error.WriteLine("checkpoint round trip changed the parameters or the step count");
    return 1;
}
Console.WriteLine($"one training step: loss {loss:R}; {Consumer.XorNet.ParameterCount} parameters; checkpoint round trip ok");
return 0;
CS

echo "package smoke test: building a consumer with warnings as errors"
dotnet build "$work/consumer/Consumer.csproj" -c Release --nologo -v quiet -warnaserror
dotnet run --project "$work/consumer/Consumer.csproj" -c Release --no-build
echo "package smoke test: passed"

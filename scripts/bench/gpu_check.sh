#!/usr/bin/env bash
# GPU check, for a machine with an NVIDIA GPU: installs mlx's CUDA backend in a scratch venv, trains the
# demo model and the llama-24m shape for a few steps on the GPU and on the CPU, and prints tokens/s
# side by side. Run it whenever such a machine is available:  bash scripts/bench/gpu_check.sh [cuda12|cuda13]
set -euo pipefail
cd "$(dirname "$0")/../.."
BACKEND="${1:-cuda12}"
WORK="$(mktemp -d /tmp/lora-studio-gpu-XXXX)"
trap 'rm -rf "$WORK"' EXIT
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
python3 -m venv "$WORK/venv-gpu"
python3 -m venv "$WORK/venv-cpu"
"$WORK/venv-gpu/bin/pip" install --quiet -e ".[$BACKEND]"
"$WORK/venv-cpu/bin/pip" install --quiet -e ".[cpu]"
for side in gpu cpu; do
  PY="$WORK/venv-$side/bin/python"
  "$PY" -c "import mlx.core as mx; print('$side:', mx.default_device(), mx.__version__)"
  "$PY" -m backend demo --data-dir "$WORK/data" >/dev/null
  "$PY" -m backend demo --data-dir "$WORK/data" --shape llama-24m
  "$PY" scripts/bench/train_throughput.py --data-dir "$WORK/data" --label "$side" --iters 30 \
      --model "$WORK/data/demo/model" --model "$WORK/data/shapes/llama-24m" | tee "$WORK/$side.txt"
done
echo
echo "tokens/s (steady state, same YAML):"
paste "$WORK/gpu.txt" "$WORK/cpu.txt" | awk -F'\t' '{split($1,g," "); split($2,c," "); if (c[3] > 0) printf "%-28s gpu %10.0f  cpu %10.0f  gpu/cpu %6.1fx\n", g[2], g[3], c[3], g[3]/c[3]}'

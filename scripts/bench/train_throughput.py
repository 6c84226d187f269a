"""Training throughput of our runner on each given model, on whatever device MLX uses here.

Prints one line per model, `<label> <model> <tokens/s>`: the median of mlx-lm's own per-window
tokens/s after the first window (which holds the compile). gpu_check.sh runs it once with the CUDA
backend and once with the CPU backend and prints the two side by side.

    .venv/bin/python scripts/bench/train_throughput.py --model DIR [--model DIR ...] [--iters 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from runner_overhead import (  # sibling module: same YAML as the overhead bench
    make_yaml,
    run_timed,
)

from backend.demo import build_demo


def tokens_per_second(model: Path, demo: Path, iters: int, work: Path) -> float:
    run_dir = work / model.name
    yaml_path = make_yaml(run_dir, model, demo, iters, report=5)
    run_timed([sys.executable, "-m", "backend.training.runner.sft", "--config", str(yaml_path)], run_dir)
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]
    windows = [e["tokens_per_sec"] for e in events if e["type"] == "progress"]
    return statistics.median(windows[1:] or windows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--iters", type=int, default=30)
    parser.add_argument("--label", default="here")
    parser.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "lora-studio-bench"))
    args = parser.parse_args()
    demo = build_demo(Path(args.data_dir) / "demo", log=lambda *_: None)
    with tempfile.TemporaryDirectory() as tmp:
        for model in args.model:
            tps = tokens_per_second(Path(model), demo, args.iters, Path(tmp))
            print(f"{args.label} {Path(model).name} {tps:.1f}", flush=True)


if __name__ == "__main__":
    main()

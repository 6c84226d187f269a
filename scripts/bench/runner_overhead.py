"""Runner overhead: the same YAML through backend.training.runner.sft and through `python -m mlx_lm lora -c`.

Both train on identical batches (same data, seed and mlx-lm batch iterator), so the trained token
count is the same; throughput is that count over each process's wall time, measured side by side
in one run with the order alternated across repeats. Goal: ours >= 0.97 of the bare CLI.

    .venv/bin/python scripts/bench/runner_overhead.py [--iters 100] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backend.demo import build_demo
from backend.models.lora_policy import resolve_for_model_dir
from backend.schemas.training import TrainingConfig
from backend.training.datasets import prepare_run_data
from backend.training.yaml_builder import build_sft_yaml, write_run_yaml


def make_yaml(work: Path, demo: Path, iters: int, tag: str) -> tuple[Path, Path]:
    run_dir = work / tag
    config = TrainingConfig(model_path=str(demo / "model"),
                            train_data_path=str(demo / "datasets" / "sft" / "train.jsonl"),
                            val_data_path=str(demo / "datasets" / "sft" / "valid.jsonl"),
                            iterations=iters, batch_size=4, learning_rate=1e-3, steps_per_report=10,
                            steps_per_eval=iters, save_every=iters, val_batches=2, early_stop=False)
    prepare_run_data(config.train_data_path, config.val_data_path, run_dir / "data")
    keys = resolve_for_model_dir(demo / "model").keys
    data = build_sft_yaml(config, run_id=tag, run_dir=run_dir, keys=keys)
    return write_run_yaml(data, run_dir, None), run_dir


def timed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "TOKENIZERS_PARALLELISM": "false"})
    return time.perf_counter() - started


def trained_tokens(run_dir: Path) -> int:
    events = [json.loads(l) for l in (run_dir / "events.jsonl").read_text().splitlines()]
    return max(e["trained_tokens"] for e in events if e["type"] == "progress")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "lora-studio-bench"))
    args = parser.parse_args()
    demo = build_demo(Path(args.data_dir) / "demo", log=lambda *_: None)
    ours_t, cli_t, tokens = [], [], None
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for r in range(args.repeats):
            order = ["ours", "cli"] if r % 2 == 0 else ["cli", "ours"]
            for who in order:
                yaml_path, run_dir = make_yaml(work, demo, args.iters, f"{who}{r}")
                if who == "ours":
                    ours_t.append(timed([sys.executable, "-m", "backend.training.runner.sft",
                                         "--config", str(yaml_path)], run_dir))
                    tokens = trained_tokens(run_dir)
                else:
                    cli_t.append(timed([sys.executable, "-m", "mlx_lm", "lora", "-c", str(yaml_path)], run_dir))
    ours, cli = statistics.median(ours_t), statistics.median(cli_t)
    print(f"same YAML, {args.iters} iterations, {tokens} trained tokens, median of {args.repeats} runs each")
    print(f"{'runner':<28}{'wall s':>10}{'tokens/s':>12}")
    print(f"{'backend.training.runner.sft':<28}{ours:>10.2f}{tokens / ours:>12.0f}")
    print(f"{'python -m mlx_lm lora -c':<28}{cli:>10.2f}{tokens / cli:>12.0f}")
    print(f"ratio ours/cli tokens/s: {cli / ours:.3f} (goal >= 0.97)")


if __name__ == "__main__":
    main()

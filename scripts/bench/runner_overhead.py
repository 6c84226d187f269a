"""Runner overhead: the same YAML through our runner and through bare `python -m mlx_lm lora -c`.

Both train on identical batches (same data, seed and mlx-lm batch iterator). Runs go in interleaved
pairs (the order alternates, so drift in machine load hits both sides alike) and each pair gives two
ratios, ours/CLI (1.0 = no overhead, higher = ours faster):
- whole process: CLI wall time / our wall time (start-up, model load, training, saving);
- steady state: tokens trained between the first and the next-to-last report (the first window holds
  the compile of the step, the last a validation pass) over the wall time between them, the moments
  taken when each report appeared: our runner's `progress` events (their `ts`) and the rows of the
  CLI's training table (timestamped as they arrive on its stdout). mlx-lm's own tokens/s leaves out
  the batch iterator, where our per-step work runs, so it cannot show our overhead; wall time can.
Each is printed as the median over pairs with min–max; a spread wider than SPREAD_LIMIT means the
machine was too noisy to conclude. Goal: steady state >= 0.98 on a compute-bound model (`--model
llama-6m`); at demo size process start-up dominates the whole-process figure.

    .venv/bin/python scripts/bench/runner_overhead.py [--model demo|llama-6m|DIR] [--pairs 4] [--iters 40]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backend.demo import build_demo
from backend.demo.shapes import SHAPES, build_shape
from backend.models.lora_policy import resolve_for_model_dir
from backend.schemas.training import TrainingConfig
from backend.training.datasets import prepare_run_data
from backend.training.yaml_builder import build_sft_yaml, write_run_yaml

GOAL = 0.98
SPREAD_LIMIT = 0.04
# A row of mlx-lm's training table: "  iter    loss ▼    tokens/s    trained k"
CLI_ROW = re.compile(r"^\s*(\d+)\s+([\d.]+)\s+[▼▲]\s+([\d,]+)\s+([\d.]+)k\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # rich keeps bold even with NO_COLOR


def resolve_model(spec: str, demo: Path, work: Path) -> Path:
    if spec == "demo":
        return demo / "model"
    if spec in SHAPES:
        return build_shape(spec, work / "shapes" / spec, demo / "model")
    return Path(spec).expanduser()


def make_yaml(run_dir: Path, model: Path, demo: Path, iters: int, report: int) -> Path:
    config = TrainingConfig(model_path=str(model), train_data_path=str(demo / "datasets" / "sft" / "train.jsonl"),
                            val_data_path=str(demo / "datasets" / "sft" / "valid.jsonl"),
                            iterations=iters, batch_size=4, learning_rate=1e-4, steps_per_report=report,
                            steps_per_eval=iters * 10, save_every=iters * 10, val_batches=1,
                            early_stop=False)
    prepare_run_data(config.train_data_path, config.val_data_path, run_dir / "data")
    data = build_sft_yaml(config, run_id=run_dir.name, run_dir=run_dir, keys=resolve_for_model_dir(model).keys)
    return write_run_yaml(data, run_dir, None)


def run_timed(cmd: list[str], cwd: Path) -> tuple[float, list[tuple[float, str]]]:
    """Wall time of the whole process and its stdout lines, each with the wall-clock time it arrived."""
    env = {"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "TOKENIZERS_PARALLELISM": "false", "PYTHONUNBUFFERED": "1"}
    started = time.perf_counter()
    lines = []
    with subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=env) as proc:
        for line in proc.stdout:
            lines.append((time.time(), ANSI.sub("", line)))
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return time.perf_counter() - started, lines


def steady_seconds(report_times: list[float]) -> float:
    """Seconds from the first report to the next-to-last (see the module docstring)."""
    if len(report_times) < 3:
        raise SystemExit("too few report windows for a steady state: raise --iters or lower --report")
    return report_times[-2] - report_times[0]


def ours_reports(run_dir: Path) -> tuple[list[float], list[int]]:
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]
    progress = [e for e in events if e["type"] == "progress"]
    return [e["ts"] for e in progress], [e["trained_tokens"] for e in progress]


def cli_reports(lines: list[tuple[float, str]]) -> list[float]:
    return [t for t, line in lines if CLI_ROW.match(line)]


def summary(name: str, ratios: list[float], goal: float | None) -> str:
    med, lo, hi = statistics.median(ratios), min(ratios), max(ratios)
    verdict = ("spread too wide to conclude (machine busy?)" if hi - lo > SPREAD_LIMIT else
               "" if goal is None else ("meets goal" if med >= goal else "BELOW goal"))
    goal_text = f"goal >= {goal}" if goal is not None else "no goal (start-up dominated)"
    return f"{name:<16}{med:>8.3f}   {lo:.3f}–{hi:.3f}   {goal_text:<30}{verdict}"


def measure(model_spec: str, pairs: int, iters: int, report: int, data_dir: Path) -> dict:
    demo = build_demo(data_dir / "demo", log=lambda *_: None)
    whole, steady = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        model = resolve_model(model_spec, demo, data_dir)
        for pair in range(pairs):
            timings: dict[str, tuple[float, float]] = {}
            for who in (["ours", "cli"] if pair % 2 == 0 else ["cli", "ours"]):
                run_dir = work / f"{who}{pair}"
                yaml_path = make_yaml(run_dir, model, demo, iters, report)
                if who == "ours":
                    wall, _ = run_timed([sys.executable, "-m", "backend.training.runner.sft", "--config",
                                         str(yaml_path)], run_dir)
                    times, tokens = ours_reports(run_dir)
                    timings[who] = (wall, steady_seconds(times))
                else:
                    wall, lines = run_timed([sys.executable, "-m", "mlx_lm", "lora", "-c", str(yaml_path)], run_dir)
                    timings[who] = (wall, steady_seconds(cli_reports(lines)))
            # identical batches: the same tokens in the same window, so the time ratio is the throughput ratio
            whole.append(timings["cli"][0] / timings["ours"][0])
            steady.append(timings["cli"][1] / timings["ours"][1])
    window_tokens = tokens[-2] - tokens[0]
    return {"model": model_spec, "pairs": pairs, "iters": iters, "window_tokens": window_tokens,
            "whole": whole, "steady": steady}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="demo", help="demo, a shape name (llama-6m, …) or a model dir")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--iters", type=int, default=40)
    parser.add_argument("--report", type=int, default=5, help="steps per report window")
    parser.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "lora-studio-bench"))
    parser.add_argument("--json", action="store_true", help="print the raw ratios as JSON too")
    args = parser.parse_args()
    result = measure(args.model, max(args.pairs, 1), args.iters, args.report, Path(args.data_dir))
    print(f"runner vs `python -m mlx_lm lora -c`, same YAML: model {args.model}, {args.iters} iterations, "
          f"{args.pairs} interleaved pairs (ratio ours/CLI; median, min–max)")
    print(summary("whole process", result["whole"], None if args.model == "demo" else GOAL))
    print(summary("steady state", result["steady"], GOAL))
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()

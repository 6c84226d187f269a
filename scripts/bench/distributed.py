"""Data-parallel throughput: 1 process vs N local processes (mlx.launch, ring) on the same global batch.

Both legs run the studio's SFT runner on identical YAML apart from the world size: one process with
batch B, then N processes with B/N rows each (mlx-lm's global batch stays B, so the optimizer sees the
same batches). Printed side by side from one invocation:
- train tokens/s: mlx-lm's own report (tokens of all ranks / rank 0's training time, start-up excluded),
  averaged over the reports after the first (which includes compilation);
- end-to-end tokens/s: trained tokens / wall time of the whole command (start-up, model load, ring
  set-up included);
- the final train loss of each leg (same global batches, so they should be close).
On one machine the ranks share its cores, so N processes are not expected to be N times faster; the
bench shows what the ring costs. Across machines each rank brings its own cores/GPU.

    .venv/bin/python scripts/bench/distributed.py [--iters 60] [--batch 8] [--procs 2] [--repeats 1]
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
from backend.training.distributed.launcher import launcher_command, write_hostfile
from backend.training.yaml_builder import build_sft_yaml, write_run_yaml

RUNNER = ["-m", "backend.training.runner.sft"]
ENV = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "TOKENIZERS_PARALLELISM": "false", "PYTHONUNBUFFERED": "1"}


def make_run(work: Path, demo: Path, args, procs: int, tag: str) -> tuple[TrainingConfig, Path]:
    run_dir = work / tag
    dist = ({"enabled": True, "hosts": ["127.0.0.1"], "processes_per_host": procs} if procs > 1 else {})
    config = TrainingConfig(model_path=str(demo / "model"),
                            train_data_path=str(demo / "datasets" / "sft" / "train.jsonl"),
                            val_data_path=str(demo / "datasets" / "sft" / "valid.jsonl"),
                            iterations=args.iters, batch_size=args.batch // procs, learning_rate=args.lr,
                            steps_per_report=args.report, steps_per_eval=args.eval or 10 * args.iters,
                            save_every=args.iters, val_batches=args.val_batches, early_stop=False, distributed=dist)
    prepare_run_data(config.train_data_path, config.val_data_path, run_dir / "data")
    keys = resolve_for_model_dir(demo / "model").keys
    write_run_yaml(build_sft_yaml(config, run_id=tag, run_dir=run_dir, keys=keys), run_dir, None)
    return config, run_dir


def run_leg(config: TrainingConfig, run_dir: Path) -> dict:
    runner = [*RUNNER, "--config", str(run_dir / "config.yaml")]
    if config.distributed.enabled:
        write_hostfile(config.distributed, run_dir / "hostfile.json")
        cmd = launcher_command(config.distributed, run_dir / "hostfile.json", runner)
    else:
        cmd = [sys.executable, *runner]
    started = time.perf_counter()
    with (run_dir / "train.log").open("ab") as log:
        # stdin=PIPE kept open: mlx's launcher select()s on it and spins at EOF
        proc = subprocess.Popen(cmd, cwd=run_dir, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.PIPE, env=ENV)
        proc.wait()
        proc.stdin.close()
    wall = time.perf_counter() - started
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]
    progress = [e for e in events if e["type"] == "progress"]
    if not any(e["type"] == "completed" for e in events):
        raise SystemExit(f"{run_dir.name} did not complete; see {run_dir / 'train.log'}")
    steady = [e["tokens_per_sec"] for e in progress[1:]] or [progress[-1]["tokens_per_sec"]]
    return {"wall": wall, "tokens": progress[-1]["trained_tokens"], "train_tps": statistics.mean(steady),
            "loss": progress[-1]["train_loss"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=60)
    parser.add_argument("--batch", type=int, default=8, help="global batch (rows per optimizer step)")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--report", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--eval", type=int, default=0, help="steps between validations (0: none)")
    parser.add_argument("--val-batches", type=int, default=1)
    parser.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "lora-studio-bench"))
    args = parser.parse_args()
    if args.batch % args.procs:
        raise SystemExit("--batch must be divisible by --procs")
    demo = build_demo(Path(args.data_dir) / "demo", log=lambda *_: None)
    results: dict[int, list[dict]] = {1: [], args.procs: []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            order = [1, args.procs] if r % 2 == 0 else [args.procs, 1]
            for procs in order:
                config, run_dir = make_run(Path(tmp), demo, args, procs, f"p{procs}-{r}")
                results[procs].append(run_leg(config, run_dir))
    print(f"SFT on the demo model, {args.iters} iterations, global batch {args.batch}, "
          f"median of {args.repeats} run(s) per leg, same machine")
    print(f"{'processes':<11}{'per-rank batch':>15}{'train tok/s':>13}{'end-to-end tok/s':>18}"
          f"{'wall s':>9}{'final loss':>12}")
    rows = {}
    for procs, legs in results.items():
        med = {k: statistics.median(leg[k] for leg in legs) for k in legs[0]}
        rows[procs] = med
        print(f"{procs:<11}{args.batch // procs:>15}{med['train_tps']:>13.0f}"
              f"{med['tokens'] / med['wall']:>18.0f}{med['wall']:>9.2f}{med['loss']:>12.4f}")
    one, many = rows[1], rows[args.procs]
    print(f"ratio {args.procs}/1: train tokens/s {many['train_tps'] / one['train_tps']:.2f}, "
          f"end-to-end {(many['tokens'] / many['wall']) / (one['tokens'] / one['wall']):.2f}, "
          f"final loss {many['loss'] / one['loss']:.4f}")


if __name__ == "__main__":
    main()

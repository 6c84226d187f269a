"""`make bench`: every benchmark in one run, one table, each figure beside its goal.

Ratios are measured side by side in this run (never against numbers from another machine or day);
where a spread is shown it is min–max over interleaved pairs, and a figure whose spread is too wide
says so instead of passing or failing. Takes about five minutes on two CPU cores.

    .venv/bin/python scripts/bench/table.py [--quick]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
import time
from pathlib import Path

import inference
import runner_overhead
import ws_replay

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_GOAL_KIB = 200


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}–{max(values):.3f})"


def verdict(value: float, goal: float, values: list[float] | None = None, higher: bool = True) -> str:
    if values is not None and max(values) - min(values) > runner_overhead.SPREAD_LIMIT:
        return "too noisy to conclude"
    return "meets goal" if (value >= goal if higher else value <= goal) else "BELOW goal"


def bundle_gzip_kib() -> float | None:
    assets = ROOT / "frontend" / "dist" / "assets"
    if not assets.is_dir():
        return None
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in assets.iterdir() if f.is_file()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer pairs and steps (a smoke run, not a result)")
    parser.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "lora-studio-bench"))
    args = parser.parse_args()
    data_dir, pairs = Path(args.data_dir), 2 if args.quick else 4
    started = time.perf_counter()
    rows: list[tuple[str, str, str, str]] = []

    for model, iters, report in (("demo", 20, 4), ("llama-6m", 12, 3)):
        r = runner_overhead.measure(model, pairs, 6 if args.quick else iters, 2 if args.quick else report, data_dir)
        goal = runner_overhead.GOAL
        med = statistics.median(r["steady"])
        rows.append((f"runner/CLI steady state, {model}", spread(r["steady"]), f">= {goal}",
                     verdict(med, goal, r["steady"])))
        whole = statistics.median(r["whole"])
        rows.append((f"runner/CLI whole process, {model}", spread(r["whole"]),
                     "(start-up dominated)" if model == "demo" else f">= {goal}",
                     "" if model == "demo" else verdict(whole, goal, r["whole"])))

    demo_model = inference.demo_model(data_dir)
    m = inference.measure(demo_model, requests=2 if args.quick else 3, repeat=2 if args.quick else 3)
    warm = m["request_fresh_process"] / m["request_warm"]
    rows.append(("request: fresh process / warm service", f"{warm:.1f}x", ">= 10x", verdict(warm, 10)))
    batched = m["gen_single"] / m["gen_service"]
    rows.append(("evaluation answers: batched / one at a time", f"{batched:.1f}x", ">= 2x", verdict(batched, 2)))
    limit = m["gen_engine"] / m["gen_service"]
    rows.append(("evaluation answers: share of batch_generate", f"{limit:.2f}", ">= 0.9", verdict(limit, 0.9)))
    rows.append(("evaluation answers identical (3 paths)", str(m["answers_agree"]), "True",
                 "meets goal" if m["answers_agree"] else "BELOW goal"))
    nll = m["nll_single"] / m["nll_batched"]
    rows.append(("evaluation NLL: batched / one at a time", f"{nll:.1f}x", ">= 1x", verdict(nll, 1)))

    w = ws_replay.measure(2000 if args.quick else 5000, 10 if args.quick else 20)
    rows.append((f"websocket replay, {w['clients']} clients x {w['events']} events",
                 f"{w['complete']}/{w['clients']} complete, {w['events_per_sec']:.0f} ev/s",
                 "all complete", "meets goal" if w["complete"] == w["clients"] else "BELOW goal"))

    kib = bundle_gzip_kib()
    rows.append(("SPA bundle, gzip", "not built" if kib is None else f"{kib:.1f} KiB", f"<= {BUNDLE_GOAL_KIB} KiB",
                 "" if kib is None else verdict(kib, BUNDLE_GOAL_KIB, higher=False)))

    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("measurement", "measured (median, min–max)", "goal", "")
    print()
    for row in (header, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    print(f"\n{'quick smoke run: not a result; ' if args.quick else ''}took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

"""Inference benchmark, measured side by side in one run:

1. request latency of the warm in-process service (InferenceService, model kept loaded) vs a fresh
   `python -m mlx_lm generate --model M --prompt P --max-tokens N` process per request, which is how
   the older app answered each test request;
2. the teacher-forced NLL pass of an evaluation over N examples, batched vs one example at a time
   (with a check that both give the same numbers).

Usage: .venv/bin/python scripts/bench/inference.py [--model DIR] [--data-dir /tmp/bench-data]
Without --model it builds (once) and uses the demo model under --data-dir. Runs in well under two
minutes on a 2-core CPU with the demo model.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from backend.inference.evaluation import example_from_row
from backend.inference.service import InferenceService, Target, encode_reference

PROMPT = "What is the capital of Veloria?"


def demo_model(data_dir: Path) -> Path:
    from backend.demo import build_demo

    return build_demo(data_dir / "demo", log=lambda *_: None) / "model"


def examples(n: int):
    """Demo SFT rows (all splits, repeated to reach n); usable with any chat model."""
    from backend.demo import corpus

    rows = [r for split in corpus.sft_rows().values() for r in split]
    rows = (rows * (n // len(rows) + 1))[:n]
    return [example_from_row(r) for r in rows]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the demo model)")
    parser.add_argument("--data-dir", default="/tmp/bench-data", help="where the demo is built")
    parser.add_argument("--requests", type=int, default=3, help="requests timed per method")
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--examples", type=int, default=48, help="examples in the NLL pass")
    parser.add_argument("--repeat", type=int, default=3, help="NLL passes timed per method")
    args = parser.parse_args()

    model = Path(args.model).expanduser().resolve() if args.model else demo_model(Path(args.data_dir))
    svc, target = InferenceService(), Target(str(model))
    messages = [{"role": "user", "content": PROMPT}]
    ask = lambda: svc.generate(target, messages, max_tokens=args.max_tokens, temperature=0.0)  # noqa: E731

    print(f"model: {model}")
    cold = timed(ask, 1)[0]
    warm = timed(ask, args.requests)
    cmd = [sys.executable, "-m", "mlx_lm", "generate", "--model", str(model), "--prompt", PROMPT,
           "--max-tokens", str(args.max_tokens), "--temp", "0.0"]
    fresh = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), args.requests)
    answer = ask()
    print(f"answer ({answer['tokens']} tokens): {answer['response']!r}")

    tokenizer = svc.acquire(target)[0].tokenizer
    pairs = [encode_reference(tokenizer, ex.messages, ex.reference) for ex in examples(args.examples)]
    batched_nll = svc.reference_nll(target, pairs)  # warm-up (compiles kernels for these shapes)
    single_nll = svc.reference_nll(target, pairs, max_batch=1)
    batched = timed(lambda: svc.reference_nll(target, pairs), args.repeat)
    single = timed(lambda: svc.reference_nll(target, pairs, max_batch=1), args.repeat)
    max_diff = max(abs(a - b) for a, b in zip(batched_nll, single_nll))

    med = statistics.median
    rows = [
        ("request: warm in-process service", med(warm)),
        ("request: fresh `mlx_lm generate` process", med(fresh)),
        ("request: service, first (cold load)", cold),
        (f"NLL pass, {len(pairs)} examples batched", med(batched)),
        (f"NLL pass, {len(pairs)} examples one at a time", med(single)),
    ]
    print()
    print(f"{'measurement (median)':48} {'seconds':>10}")
    for name, seconds in rows:
        print(f"{name:48} {seconds:10.4f}")
    print()
    print(f"ratio fresh process / warm service request: {med(fresh) / med(warm):8.1f}x")
    print(f"ratio one-at-a-time / batched NLL pass:     {med(single) / med(batched):8.1f}x")
    print(f"batched vs one-at-a-time NLL: max |difference| = {max_diff:.2e} nats")
    print(f"model loads by the in-process service over the whole run: {svc.loads}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

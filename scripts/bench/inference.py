"""Inference benchmark, measured side by side in one run:

1. request latency of the warm in-process service (InferenceService, model kept loaded) vs a fresh
   `python -m mlx_lm generate --model M --prompt P --max-tokens N` process per request, which is how
   the older app answered each test request;
2. the teacher-forced NLL pass of an evaluation over N examples, batched vs one example at a time
   (with a check that both give the same numbers);
3. the greedy answers of an evaluation pass over N prompts: the service's batched path (what an
   evaluation runs) vs one prompt at a time vs bare `mlx_lm.batch_generate` on the same prompt ids,
   the engine's limit (goal: the service reaches >= 0.9 of it), with a check that all three agree.

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
from backend.inference.service import (
    InferenceService,
    Target,
    encode_messages,
    encode_reference,
)

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


def measure(model: Path, *, requests: int = 3, max_tokens: int = 32, n_examples: int = 48, repeat: int = 3,
            prompts: int = 32, batch_size: int = 16) -> dict:
    """Every figure of this benchmark, in seconds (medians), plus the agreement checks."""
    from mlx_lm import batch_generate

    svc, target = InferenceService(), Target(str(model))
    messages = [{"role": "user", "content": PROMPT}]
    ask = lambda: svc.generate(target, messages, max_tokens=max_tokens, temperature=0.0)
    cold = timed(ask, 1)[0]
    warm = timed(ask, requests)
    cmd = [sys.executable, "-m", "mlx_lm", "generate", "--model", str(model), "--prompt", PROMPT,
           "--max-tokens", str(max_tokens), "--temp", "0.0"]
    fresh = timed(lambda: subprocess.run(cmd, check=True, capture_output=True), requests)

    loaded = svc.acquire(target)[0]
    tokenizer = loaded.tokenizer
    exs = examples(max(n_examples, prompts))
    pairs = [encode_reference(tokenizer, ex.messages, ex.reference) for ex in exs[:n_examples]]
    batched_nll = svc.reference_nll(target, pairs)  # warm-up (compiles kernels for these shapes)
    single_nll = svc.reference_nll(target, pairs, max_batch=1)
    nll_batched = timed(lambda: svc.reference_nll(target, pairs), repeat)
    nll_single = timed(lambda: svc.reference_nll(target, pairs, max_batch=1), repeat)

    convs = [ex.messages for ex in exs[:prompts]]
    ids = [encode_messages(tokenizer, c) for c in convs]
    answers = {"service": svc.generate_greedy_batch(target, ids, max_tokens=max_tokens, batch_size=batch_size),
               "single": [svc.generate(target, c, max_tokens=max_tokens, temperature=0.0)["response"] for c in convs],
               "engine": [t for i in range(0, len(ids), batch_size) for t in batch_generate(
                   loaded.model, tokenizer, ids[i: i + batch_size], max_tokens=max_tokens,
                   completion_batch_size=batch_size).texts]}
    gen_single = timed(lambda: [svc.generate(target, c, max_tokens=max_tokens, temperature=0.0) for c in convs], 1)
    # service and engine interleaved, repeat x 2 each: on a shared machine load drifts between passes
    gen_service, gen_engine = [], []
    for _ in range(2 * repeat):
        gen_service += timed(lambda: svc.generate_greedy_batch(target, ids, max_tokens=max_tokens,
                                                               batch_size=batch_size), 1)
        gen_engine += timed(lambda: [batch_generate(loaded.model, tokenizer, ids[i: i + batch_size],
                                                    max_tokens=max_tokens, completion_batch_size=batch_size)
                                     for i in range(0, len(ids), batch_size)], 1)
    med = statistics.median
    return {
        "model": str(model), "answer": ask()["response"], "loads": svc.loads, "prompts": len(convs),
        "request_cold": cold, "request_warm": med(warm), "request_fresh_process": med(fresh),
        "nll_examples": len(pairs), "nll_batched": med(nll_batched), "nll_single": med(nll_single),
        "nll_max_diff": max(abs(a - b) for a, b in zip(batched_nll, single_nll)),
        "gen_service": med(gen_service), "gen_single": med(gen_single), "gen_engine": med(gen_engine),
        "answers_agree": answers["service"] == answers["single"] == answers["engine"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the demo model)")
    parser.add_argument("--data-dir", default="/tmp/bench-data", help="where the demo is built")
    parser.add_argument("--requests", type=int, default=3, help="requests timed per method")
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--examples", type=int, default=48, help="examples in the NLL pass")
    parser.add_argument("--prompts", type=int, default=32, help="prompts in the greedy-answer pass")
    parser.add_argument("--repeat", type=int, default=3, help="passes timed per method")
    args = parser.parse_args()

    model = Path(args.model).expanduser().resolve() if args.model else demo_model(Path(args.data_dir))
    m = measure(model, requests=args.requests, max_tokens=args.max_tokens, n_examples=args.examples,
                repeat=args.repeat, prompts=args.prompts)
    print(f"model: {model}\nanswer: {m['answer']!r}")
    rows = [
        ("request: warm in-process service", m["request_warm"]),
        ("request: fresh `mlx_lm generate` process", m["request_fresh_process"]),
        ("request: service, first (cold load)", m["request_cold"]),
        (f"NLL pass, {m['nll_examples']} examples batched", m["nll_batched"]),
        (f"NLL pass, {m['nll_examples']} examples one at a time", m["nll_single"]),
        (f"greedy answers, {m['prompts']} prompts: service (batched)", m["gen_service"]),
        (f"greedy answers, {m['prompts']} prompts: one at a time", m["gen_single"]),
        (f"greedy answers, {m['prompts']} prompts: bare batch_generate", m["gen_engine"]),
    ]
    print(f"\n{'measurement (median)':56} {'seconds':>10}")
    for name, seconds in rows:
        print(f"{name:56} {seconds:10.4f}")
    print(f"\nratio fresh process / warm service request: {m['request_fresh_process'] / m['request_warm']:8.1f}x")
    print(f"ratio one-at-a-time / batched NLL pass:     {m['nll_single'] / m['nll_batched']:8.1f}x")
    print(f"evaluation answers: batched {m['gen_single'] / m['gen_service']:.1f}x faster than one at a time; "
          f"{m['gen_engine'] / m['gen_service']:.2f} of the engine's limit (goal >= 0.9)")
    print(f"batched vs one-at-a-time NLL: max |difference| = {m['nll_max_diff']:.2e} nats; "
          f"greedy answers identical on all three paths: {m['answers_agree']}")
    print(f"model loads by the in-process service over the whole run: {m['loads']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

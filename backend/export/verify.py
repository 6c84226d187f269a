"""Verification of an export: greedy answers of two models on the same prompts, compared token by token."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backend.inference.evaluation import heldout_examples
from backend.inference.service import InferenceError, encode_messages
from backend.runs.layout import RunFiles

VERIFY_PROMPTS = 4
VERIFY_MAX_TOKENS = 32
# Used when a session has no held-out rows of its own (imported adapters, plain-text data).
FIXED_PROMPTS = (
    "What is the capital of France?",
    "Write one sentence about the sea.",
    "List three colours.",
    "Explain what a LoRA adapter is in one sentence.",
    "What is 12 plus 30?",
)


def verification_prompts(run: dict, runs_dir: Path, k: int = VERIFY_PROMPTS) -> list[list[dict[str, str]]]:
    """K prompts (as chat messages): the session's held-out prompts first, then fixed ones."""
    prompts: list[list[dict[str, str]]] = []
    try:
        examples, _ = heldout_examples(run, RunFiles.for_run(runs_dir, run["id"]), 4 * k)
        for ex in examples:
            if ex.messages not in prompts:
                prompts.append(ex.messages)
    except InferenceError:
        pass
    for text in FIXED_PROMPTS:
        prompts.append([{"role": "user", "content": text}])
    return prompts[:k]


def greedy_tokens(model: Any, tokenizer: Any, prompt: list[int], max_tokens: int) -> list[int]:
    from mlx_lm import stream_generate
    from mlx_lm.sample_utils import make_sampler

    tokens = []
    for response in stream_generate(model, tokenizer, prompt, max_tokens=max_tokens,
                                    sampler=make_sampler(temp=0.0)):
        if response.finish_reason == "stop":
            break
        tokens.append(int(response.token))
    return tokens


def compare_greedy(reference: tuple[Any, Any], candidate: tuple[Any, Any], prompts: list[list[dict[str, str]]],
                   lock: threading.Lock, *, labels: tuple[str, str] = ("adapter", "fused"),
                   max_tokens: int = VERIFY_MAX_TOKENS, on_prompt: Callable[[], None] | None = None) -> dict:
    """{prompts, identical, divergent: [{prompt, <label 1>, <label 2>}]} of two (model, tokenizer) pairs."""
    identical, divergent = 0, []
    for messages in prompts:
        answers = []
        for model, tokenizer in (reference, candidate):
            ids = encode_messages(tokenizer, messages)
            with lock:
                answers.append((greedy_tokens(model, tokenizer, ids, max_tokens), tokenizer))
        (a, tok_a), (b, tok_b) = answers
        if a == b:
            identical += 1
        else:
            divergent.append({"prompt": messages[-1]["content"], labels[0]: tok_a.decode(a),
                              labels[1]: tok_b.decode(b),
                              "first_difference": next((i for i, (x, y) in enumerate(zip(a, b)) if x != y),
                                                       min(len(a), len(b)))})
        if on_prompt is not None:
            on_prompt()
    return {"prompts": len(prompts), "identical": identical, "divergent": divergent,
            "max_tokens": max_tokens, "compared": "greedy token ids"}

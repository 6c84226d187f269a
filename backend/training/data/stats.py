"""What a model's tokenizer makes of converted rows: token lengths and the rendered training text.

Tokens come from mlx-lm's own dataset classes (`create_dataset(...).process`), so the lengths and the
trained part (everything after the prompt offset with `mask_prompt`) are exactly what `mlx_lm lora`
and our runner see. GRPO rows come from mlx-lm-lora's GRPODataset as the runner builds them: the
rendered prompt, then the answer (marked, although it is a reward target rather than a trained text).
"""

from __future__ import annotations

import functools
import statistics
import types
from pathlib import Path
from typing import Any

RENDERED_ROWS = 3
MAX_MEASURED_ROWS = 5000
HISTOGRAM_BINS = 16


@functools.lru_cache(maxsize=4)
def _load_tokenizer(model_dir: str, _mtime: int):
    from mlx_lm.utils import load_tokenizer

    return load_tokenizer(Path(model_dir))


def load_tokenizer(model_dir: str):
    p = Path(model_dir).expanduser().resolve()
    return _load_tokenizer(str(p), (p / "config.json").stat().st_mtime_ns if (p / "config.json").exists() else 0)


def _grpo_tokens(tokenizer: Any, row: dict[str, Any]) -> tuple[list[int], int]:
    """The GRPO runner's own dataset class: its default system prompt when a row has none."""
    from mlx_lm_lora.trainer.datasets import GRPODataset

    prompt, answer, *_ = GRPODataset([row], tokenizer)[0]
    return list(prompt) + list(answer), len(prompt)


def row_tokens(tokenizer: Any, rows: list[dict[str, Any]], fmt: str):
    """A function row -> (token ids, offset where the trained part starts)."""
    if fmt == "grpo":
        return lambda row: _grpo_tokens(tokenizer, row)
    from mlx_lm.tuner.datasets import create_dataset

    # text rows cannot mask a prompt (mlx-lm refuses); everything in them is trained.
    config = types.SimpleNamespace(mask_prompt=fmt != "text")
    dataset = create_dataset(rows, tokenizer, config)
    return lambda row: tuple(dataset.process(row))


def histogram(lengths: list[int], bins: int = HISTOGRAM_BINS) -> list[dict[str, int]]:
    lo, hi = min(lengths), max(lengths)
    width = max(1, -(-(hi - lo + 1) // bins))
    counts: dict[int, int] = {}
    for n in lengths:
        counts[(n - lo) // width] = counts.get((n - lo) // width, 0) + 1
    return [{"lo": lo + b * width, "hi": lo + (b + 1) * width - 1, "count": counts.get(b, 0)}
            for b in range((hi - lo) // width + 1)]


def measure(tokenizer: Any, rows: list[dict[str, Any]], fmt: str, max_seq_length: int | None):
    """(rendered first rows, token_stats, problems) for converted rows of one mlx-lm format."""
    if not rows:
        return [], None, []
    encode = row_tokens(tokenizer, rows, fmt)
    lengths: list[int] = []
    rendered: list[dict[str, Any]] = []
    problems: list[tuple[int, str]] = []
    for index, row in enumerate(rows[:MAX_MEASURED_ROWS]):
        try:
            tokens, offset = encode(row)
        except Exception as exc:  # noqa: BLE001 - a chat template that refuses this row
            problems.append((index, f"the model's chat template cannot render this row: {exc}"))
            continue
        lengths.append(len(tokens))
        if len(rendered) < RENDERED_ROWS:
            rendered.append({"segments": [
                {"text": tokenizer.decode(list(tokens[:offset])), "trained": False},
                {"text": tokenizer.decode(list(tokens[offset:])), "trained": True},
            ], "tokens": len(tokens), "trained_tokens": len(tokens) - offset,
                "truncated": bool(max_seq_length and len(tokens) > max_seq_length)})
    if not lengths:
        return rendered, None, problems
    ordered = sorted(lengths)
    stats = {"min": ordered[0], "median": int(statistics.median(ordered)),
             "p95": ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))],
             "max": ordered[-1], "measured_rows": len(ordered), "max_seq_length": max_seq_length,
             "over_max_seq_length": sum(1 for n in ordered if max_seq_length and n > max_seq_length),
             "histogram": histogram(ordered)}
    return rendered, stats, problems

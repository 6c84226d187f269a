"""Reward functions for GRPO-family runs: mlx-lm-lora's built-ins plus ours for plain answers.

Ours take the trainer's signature `(prompts, completions, answers, types=None) -> list[float]`.
A user's reward-functions file is never executed by the server: its syntax and the names it
registers (`@register_reward_function()`) are checked statically; only the runner imports it.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

_PUNCT = str.maketrans("", "", string.punctuation)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _normalise(text: str) -> str:
    return " ".join(str(text).lower().translate(_PUNCT).split())


def exact_answer(prompts, completions, answer, types=None) -> list[float]:
    """1.0 when the completion, normalised, equals the answer or ends with it as the final words."""
    out = []
    for c, a in zip(completions, answer):
        c_n, a_n = _normalise(c), _normalise(a)
        out.append(1.0 if a_n and (c_n == a_n or c_n.endswith(" " + a_n)) else 0.0)
    return out


def numeric_match(prompts, completions, answer, types=None) -> list[float]:
    """1.0 when the last number in the completion equals a numeric answer (0 for non-numeric answers)."""
    out = []
    for c, a in zip(completions, answer):
        try:
            target = float(str(a).strip())
        except ValueError:
            out.append(0.0)
            continue
        found = _NUMBER.findall(c or "")
        out.append(1.0 if found and abs(float(found[-1]) - target) < 1e-6 else 0.0)
    return out


def answer_similarity(prompts, completions, answer, types=None) -> list[float]:
    """Graded 0..1: closest character similarity between the answer and any same-length word span."""
    from difflib import SequenceMatcher

    out = []
    for c, a in zip(completions, answer):
        words, target = _normalise(c).split(), _normalise(a)
        n = max(1, len(target.split()))
        spans = [" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))] or [""]
        out.append(max(SequenceMatcher(None, s, target).ratio() for s in spans) if target else 0.0)
    return out


def length_window(prompts, completions, answer, types=None, low: int = 1, high: int = 200) -> list[float]:
    """0.2 for completions between 1 and 200 characters: discourages empty and rambling outputs."""
    return [0.2 if low <= len((c or "").strip()) <= high else 0.0 for c in completions]


STUDIO_REWARDS = {"exact_answer": exact_answer, "answer_similarity": answer_similarity,
                  "numeric_match": numeric_match, "length_window": length_window}


def builtin_rewards() -> dict[str, str]:
    """name → description for every reward available without a user file."""
    from mlx_lm_lora.trainer import grpo_reward_functions as r1

    described = {name: (fn.__doc__ or "").strip().splitlines()[0] for name, fn in STUDIO_REWARDS.items()}
    for name in r1.list_available_reward_functions():
        described.setdefault(name, "mlx-lm-lora built-in (R1-style <think>/<answer> format rewards)")
    return described


class RewardFileError(ValueError):
    pass


def declared_in_file(path: str) -> list[str]:
    """Names a reward file registers, found without running it; syntax errors are reported."""
    p = Path(path).expanduser()
    if not p.is_file():
        raise RewardFileError(f"reward functions file not found: {p}")
    try:
        tree = ast.parse(p.read_text(encoding="utf-8"), filename=str(p))
    except SyntaxError as exc:
        raise RewardFileError(f"{p.name} line {exc.lineno}: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RewardFileError(f"cannot read {p}: {exc}") from exc
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for dec in node.decorator_list:
            call = dec if isinstance(dec, ast.Call) else None
            target = call.func if call else dec
            if getattr(target, "id", getattr(target, "attr", None)) == "register_reward_function":
                custom = next((a.value for a in (call.args if call else []) if isinstance(a, ast.Constant)), None)
                custom = custom or next((k.value.value for k in (call.keywords if call else [])
                                         if k.arg == "name" and isinstance(k.value, ast.Constant)), None)
                names.append(custom or node.name)
    if not names:
        raise RewardFileError(f"{p.name} registers no reward functions "
                              "(decorate them with @register_reward_function())")
    return names


def check_reward_names(names: list[str], reward_file: str | None) -> None:
    available = set(builtin_rewards())
    if reward_file:
        available |= set(declared_in_file(reward_file))
    unknown = [n for n in names if n not in available]
    if unknown:
        raise RewardFileError(f"unknown reward function(s) {', '.join(unknown)}; available: "
                              f"{', '.join(sorted(available))}")

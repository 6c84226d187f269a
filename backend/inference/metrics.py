"""Text metrics for evaluation: exact match, token F1, ROUGE-L, and the 0–100 score of a mean NLL.

Every score here is on a 0–100 scale (per sample and averaged), so the UI shows one unit everywhere;
only NLL and perplexity keep their natural units.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from typing import Iterable

_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lowercase, punctuation removed, whitespace collapsed: "The capital is Mirth." == "the capital is mirth"."""
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()


def exact_match(prediction: str, reference: str) -> float:
    """100 when the normalised strings are equal, else 0."""
    return 100.0 if normalize(prediction) == normalize(reference) else 0.0


def token_f1(prediction: str, reference: str) -> float:
    """SQuAD-style bag-of-tokens F1 ×100 (two empty strings agree: 100)."""
    pred, ref = tokens(prediction), tokens(reference)
    if not pred or not ref:
        return 100.0 if pred == ref else 0.0
    overlap = sum((Counter(pred) & Counter(ref)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(pred), overlap / len(ref)
    return 100.0 * 2 * precision * recall / (precision + recall)


def lcs_length(a: list[str], b: list[str]) -> int:
    """Longest common subsequence by dynamic programming over one row (O(len(a)·len(b)) time)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F-measure (β = 1) over normalised tokens, ×100."""
    pred, ref = tokens(prediction), tokens(reference)
    if not pred or not ref:
        return 100.0 if pred == ref else 0.0
    lcs = lcs_length(pred, ref)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(pred), lcs / len(ref)
    return 100.0 * 2 * precision * recall / (precision + recall)


def nll_score(mean_nll: float) -> float:
    """NLL score = 100 · exp(−mean NLL) = 100 / perplexity, in (0, 100].

    It is the geometric-mean probability the model gives each reference token, as a percentage:
    100 means the reference is certain, 50 means each token had on average a one-in-two chance.
    """
    if not math.isfinite(mean_nll):
        return 0.0
    return 100.0 * math.exp(-max(mean_nll, 0.0))


def perplexity(mean_nll: float) -> float:
    return math.exp(min(mean_nll, 700.0))  # capped so JSON never sees inf


def text_scores(prediction: str, reference: str) -> dict[str, float]:
    return {"exact_match": exact_match(prediction, reference),
            "token_f1": token_f1(prediction, reference),
            "rouge_l": rouge_l(prediction, reference)}


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None

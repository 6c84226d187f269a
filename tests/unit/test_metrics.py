"""Text metrics and the NLL score: exact values on small cases."""

import math

import pytest

from backend.inference import metrics
from backend.inference.evaluation import aggregate, example_from_row


def test_normalize_ignores_case_punctuation_and_spacing():
    assert metrics.normalize("  The capital of Veloria is Mirth. ") == "the capital of veloria is mirth"
    assert metrics.exact_match("the CAPITAL of veloria is mirth", "The capital of Veloria is Mirth.") == 100.0
    assert metrics.exact_match("The capital of Veloria is Paris.", "The capital of Veloria is Mirth.") == 0.0


def test_token_f1():
    assert metrics.token_f1("a b c d", "a b c d") == 100.0
    assert metrics.token_f1("x y", "a b") == 0.0
    # 3 of 4 tokens shared both ways: precision = recall = 0.75
    assert metrics.token_f1("The capital is Paris", "The capital is Mirth") == pytest.approx(75.0)
    # repeated tokens count only as often as they occur in both (bag of tokens)
    assert metrics.token_f1("a a a", "a") == pytest.approx(100 * 2 * (1 / 3) * 1 / (1 / 3 + 1))
    assert metrics.token_f1("", "") == 100.0 and metrics.token_f1("", "a") == 0.0


def test_rouge_l_uses_the_longest_common_subsequence():
    assert metrics.lcs_length("a b c d e".split(), "a x c y e".split()) == 3
    # LCS 3 of 5 both ways → F = 0.6
    assert metrics.rouge_l("a b c d e", "a x c y e") == pytest.approx(60.0)
    # order matters for ROUGE-L but not for token F1
    assert metrics.rouge_l("d c b a", "a b c d") == pytest.approx(25.0)
    assert metrics.token_f1("d c b a", "a b c d") == 100.0
    assert metrics.rouge_l("", "") == 100.0 and metrics.rouge_l("a", "") == 0.0


def test_nll_score_is_100_over_perplexity_and_bounded():
    assert metrics.nll_score(0.0) == 100.0
    assert metrics.nll_score(math.log(4)) == pytest.approx(25.0)
    assert metrics.nll_score(math.log(4)) == pytest.approx(100 / metrics.perplexity(math.log(4)))
    assert 0.0 <= metrics.nll_score(1e6) < 1e-9 and metrics.nll_score(float("nan")) == 0.0
    assert math.isfinite(metrics.perplexity(1e6))


def test_aggregate_scores_are_0_to_100_with_judge_means():
    rows = [{"nll": 0.0, "exact_match": 100.0, "token_f1": 100.0, "rouge_l": 100.0},
            {"nll": 2 * math.log(2), "exact_match": 0.0, "token_f1": 50.0, "rouge_l": 40.0}]
    judge = [{"faithfulness": 80, "fact_recall": 60, "consistency": 100, "hallucination": 10}]
    out = aggregate(rows, judge)
    s = out["scores"]
    assert s["exact_match"] == 50.0 and s["token_f1"] == 75.0 and s["rouge_l"] == 70.0
    assert out["mean_nll"] == pytest.approx(math.log(2), abs=1e-4) and s["nll_score"] == pytest.approx(50.0)
    assert s["judge_faithfulness"] == 80.0 and out["judged_samples"] == 1
    assert all(0 <= v <= 100 for v in s.values())


def test_examples_from_every_row_format():
    ex = example_from_row({"messages": [{"role": "system", "content": "S"}, {"role": "user", "content": "Q"},
                                        {"role": "assistant", "content": "A"}]})
    assert [m["role"] for m in ex.messages] == ["system", "user"] and ex.reference == "A"
    ex = example_from_row({"prompt": "Q", "completion": "A"})
    assert ex.messages == [{"role": "user", "content": "Q"}] and ex.reference == "A"
    ex = example_from_row({"prompt": "Q", "answer": 42, "system": "Be brief."})
    assert ex.messages[0] == {"role": "system", "content": "Be brief."} and ex.reference == "42"
    assert example_from_row({"text": "just text"}) is None
    assert example_from_row({"messages": [{"role": "assistant", "content": "A"}]}) is None

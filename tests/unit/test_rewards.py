import pytest

from backend.training.runner.rewards import (
    RewardFileError,
    answer_similarity,
    check_reward_names,
    declared_in_file,
    exact_answer,
    length_window,
    numeric_match,
)


def test_exact_answer_accepts_the_answer_alone_or_as_the_last_words():
    completions = ["Mirth.", "The capital of Veloria is Mirth.", "Mirth is lovely", ""]
    assert exact_answer([""] * 4, completions, ["Mirth"] * 4) == [1.0, 1.0, 0.0, 0.0]


def test_numeric_match_uses_the_last_number():
    assert numeric_match(["", "", ""], ["2 + 2 = 4", "about 5", "x"], ["4", "4", "4"]) == [1.0, 0.0, 0.0]
    assert numeric_match([""], ["4"], ["four"]) == [0.0]


def test_answer_similarity_is_graded():
    exact, close, far = answer_similarity([""] * 3, ["it is Mirth", "it is Mirt", "it is Paris"], ["Mirth"] * 3)
    assert exact == 1.0 and far < close < 1.0


def test_length_window():
    assert length_window([""] * 3, ["", "ok", "x" * 500], [""] * 3) == [0.0, 0.2, 0.0]


def test_reward_file_is_checked_without_running_it(tmp_path):
    good = tmp_path / "rewards.py"
    good.write_text(
        "from mlx_lm_lora.trainer.grpo_reward_functions import register_reward_function\n"
        "raise SystemExit('never executed by the server')\n"
        "@register_reward_function()\ndef mine(p, c, a, t=None):\n    return [0.0] * len(c)\n"
        "@register_reward_function('renamed')\ndef other(p, c, a, t=None):\n    return [0.0] * len(c)\n")
    assert declared_in_file(str(good)) == ["mine", "renamed"]
    check_reward_names(["mine", "renamed", "exact_answer", "r1_accuracy_reward_func"], str(good))
    bad = tmp_path / "bad.py"
    bad.write_text("def broken(:\n")
    with pytest.raises(RewardFileError, match="line 1"):
        declared_in_file(str(bad))
    with pytest.raises(RewardFileError, match="unknown reward function"):
        check_reward_names(["nope"], None)
    with pytest.raises(RewardFileError, match="not found"):
        check_reward_names(["mine"], str(tmp_path / "missing.py"))

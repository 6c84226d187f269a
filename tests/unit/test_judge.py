"""Parsing of LLM-judge replies: good JSON is read, anything else is an error (never a zero)."""

import pytest

from backend.inference.judge import JudgeConfig, JudgeError, chat_url, parse_scores

GOOD = ('{"base": {"faithfulness": 10, "fact_recall": 20, "consistency": 90, "hallucination": 80}, '
        '"adapter": {"faithfulness": 95, "fact_recall": 100, "consistency": 100, "hallucination": 0}}')


def test_parses_plain_fenced_and_wrapped_json():
    assert parse_scores(GOOD)["adapter"]["fact_recall"] == 100.0
    assert parse_scores(f"```json\n{GOOD}\n```")["base"]["hallucination"] == 80.0
    assert parse_scores(f"Here are the scores: {GOOD} Done.")["base"]["faithfulness"] == 10.0


@pytest.mark.parametrize("reply", [
    "The capital of Veloria is Mirth.",  # not JSON at all
    "{not json}",
    '{"base": {"faithfulness": 10}}',  # missing side and criteria
    GOOD.replace("95", '"high"'),
    GOOD.replace("95", "150"),
    "[1, 2]",
])
def test_bad_replies_raise(reply):
    with pytest.raises(JudgeError):
        parse_scores(reply)


def test_chat_url_accepts_the_usual_base_urls():
    assert chat_url("http://h:1") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/chat/completions") == "http://h:1/v1/chat/completions"


def test_api_key_comes_from_the_named_environment_variable(monkeypatch):
    monkeypatch.setenv("JUDGE_TEST_KEY", "sk-test")
    assert JudgeConfig("http://h", "m", "JUDGE_TEST_KEY").api_key() == "sk-test"
    assert JudgeConfig("http://h", "m").api_key() is None
    monkeypatch.delenv("JUDGE_TEST_KEY")
    with pytest.raises(ValueError, match="JUDGE_TEST_KEY"):
        JudgeConfig("http://h", "m", "JUDGE_TEST_KEY").api_key()

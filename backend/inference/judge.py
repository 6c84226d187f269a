"""Optional LLM judge through any OpenAI-compatible `/v1/chat/completions` endpoint.

The judge grades the base and the adapter answer of one sample against the reference in one call and
must reply with JSON scores (0–100). Any failure (refused connection, timeout, HTTP error, reply that
is not the JSON asked for) raises JudgeError: the caller records it on the sample and leaves the sample
out of the judge averages, because a judge that could not answer says nothing about the answers.
The API key is read from the environment variable the request names; a key never travels in a body.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any

import httpx

CRITERIA = ("faithfulness", "fact_recall", "consistency", "hallucination")
CONNECT_TIMEOUT = 3.0  # a refused or unroutable endpoint fails fast instead of stalling the job
READ_TIMEOUT = 60.0
ENV_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")

SYSTEM_PROMPT = (
    "You are a strict grader. Compare two candidate answers with the reference answer to a question. "
    "For each candidate give integer scores from 0 to 100: faithfulness (agrees with the reference), "
    "fact_recall (share of the reference's facts it states), consistency (free of self-contradiction), "
    "hallucination (amount of content that is unsupported or false; 0 = none, 100 = all). "
    'Reply with JSON only, exactly: {"base": {"faithfulness": n, "fact_recall": n, "consistency": n, '
    '"hallucination": n}, "adapter": {"faithfulness": n, "fact_recall": n, "consistency": n, '
    '"hallucination": n}}'
)


class JudgeError(Exception):
    """The judge gave no usable scores; `unreachable` marks connection-level failures."""

    def __init__(self, message: str, unreachable: bool = False):
        super().__init__(message)
        self.unreachable = unreachable


@dataclass(frozen=True)
class JudgeConfig:
    base_url: str
    model: str
    api_key_env: str | None = None

    def api_key(self) -> str | None:
        """The key from the named environment variable; ValueError when it is named but unset."""
        if not self.api_key_env:
            return None
        if not ENV_NAME_RE.match(self.api_key_env):
            raise ValueError(f"api_key_env {self.api_key_env!r} is not an environment variable name")
        value = os.environ.get(self.api_key_env)
        if not value:
            raise ValueError(f"environment variable {self.api_key_env} (api_key_env) is not set on the server")
        return value


def chat_url(base_url: str) -> str:
    """`http://host:port`, `.../v1` or the full `.../chat/completions` URL all point at the endpoint."""
    url = base_url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def user_prompt(question: str, reference: str, base_answer: str, adapter_answer: str) -> str:
    return (f"Question:\n{question}\n\nReference answer:\n{reference}\n\n"
            f"Candidate \"base\":\n{base_answer}\n\nCandidate \"adapter\":\n{adapter_answer}\n\n"
            "Reply with the JSON object only.")


def _find_json(text: str) -> Any:
    text = re.sub(r"^```(?:json)?|```$", "", text.strip(), flags=re.MULTILINE).strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise JudgeError(f"judge reply is not JSON: {text[:120]!r}")
    try:
        return json.loads(text[start: end + 1])
    except json.JSONDecodeError as exc:
        raise JudgeError(f"judge reply is not valid JSON ({exc.msg}): {text[:120]!r}") from exc


def parse_scores(text: str) -> dict[str, dict[str, float]]:
    """{"base": {criterion: 0..100}, "adapter": {...}} from the judge's reply, or JudgeError."""
    data = _find_json(text)
    if not isinstance(data, dict):
        raise JudgeError("judge reply is JSON but not an object")
    out: dict[str, dict[str, float]] = {}
    for side in ("base", "adapter"):
        scores = data.get(side)
        if not isinstance(scores, dict):
            raise JudgeError(f"judge reply has no {side!r} scores")
        out[side] = {}
        for name in CRITERIA:
            value = scores.get(name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise JudgeError(f"judge gave {side}.{name}={value!r}, not a number in 0..100")
            out[side][name] = float(value)
    return out


class JudgeClient:
    def __init__(self, config: JudgeConfig, api_key: str | None = None,
                 connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float = READ_TIMEOUT):
        self.config = config
        self.url = chat_url(config.base_url)
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(headers=headers, timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
                                  follow_redirects=False)

    def score(self, question: str, reference: str, base_answer: str, adapter_answer: str) -> dict:
        body = {"model": self.config.model, "temperature": 0.0, "max_tokens": 300, "stream": False,
                "messages": [{"role": "system", "content": SYSTEM_PROMPT},
                             {"role": "user", "content": user_prompt(question, reference, base_answer,
                                                                      adapter_answer)}]}
        try:
            r = self._http.post(self.url, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise JudgeError(f"judge unreachable at {self.url}: {exc}", unreachable=True) from exc
        except httpx.TimeoutException as exc:
            raise JudgeError(f"judge timed out: {exc!r}") from exc
        except httpx.HTTPError as exc:
            raise JudgeError(f"judge request failed: {exc!r}", unreachable=True) from exc
        if r.status_code != 200:
            raise JudgeError(f"judge answered HTTP {r.status_code}: {r.text[:200]}")
        try:
            content = r.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise JudgeError(f"judge reply is not an OpenAI chat completion: {r.text[:200]!r}") from exc
        if not isinstance(content, str):
            raise JudgeError("judge reply has no text content")
        return parse_scores(content)

    def close(self) -> None:
        self._http.close()

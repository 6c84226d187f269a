"""Row formats: detecting what a dataset's rows are and converting each to an mlx-lm row.

mlx-lm trains three row shapes (mlx_lm/tuner/datasets.py): `{"messages": [...], "tools"?: [...]}`,
`{"prompt", "completion"}` and `{"text"}`; the GRPO runner trains `{"prompt", "answer", "system"?}`.
Everything else (Alpaca, ShareGPT, tabular columns) is converted to one of these, so the run's data
directory holds exactly the rows the preview shows.
"""

from __future__ import annotations

from typing import Any, Literal

Kind = Literal["sft", "grpo"]
ROLES = {"system", "user", "assistant", "tool"}
# ShareGPT speaker names as chat roles.
SPEAKERS = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant", "model": "assistant",
            "bot": "assistant", "chatgpt": "assistant", "system": "system", "tool": "tool",
            "function": "tool", "function_response": "tool", "observation": "tool", "ipython": "tool"}
# Fields a mapping may fill, per kind; the first two are required.
MAPPING_FIELDS: dict[str, tuple[str, ...]] = {"sft": ("prompt", "completion", "system"),
                                             "grpo": ("prompt", "answer", "system")}
# Column pairs recognised without a mapping (in this order).
KNOWN_COLUMNS = {"sft": [("question", "answer"), ("input", "output"), ("prompt", "answer"), ("prompt", "response"),
                         ("instruction", "response"), ("question", "response")],
                 "grpo": [("question", "answer"), ("instruction", "output"), ("input", "output")]}
# The mlx-lm row shape each detected format becomes.
OUTPUT_FORMAT = {"messages": "messages", "sharegpt": "messages", "alpaca": "messages",
                 "completions": "completions", "text": "text", "grpo": "grpo"}


class RowProblem(ValueError):
    """What is wrong with one row (becomes `{line|row, message}`)."""


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _scalar_text(value: Any, column: str) -> str:
    """A tabular cell as text: numbers become text, empty cells are a problem."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RowProblem(f"column '{column}' must be text, got {type(value).__name__}")
    text = str(value)
    if not text.strip():
        raise RowProblem(f"column '{column}' is empty")
    return text


def detect(row: Any, kind: Kind, mapping: dict[str, str] | None) -> tuple[str, dict[str, str] | None]:
    """(format, mapping) of a dataset from its first row; RowProblem when nothing fits."""
    if not isinstance(row, dict):
        raise RowProblem("row is not an object")
    if mapping:
        return ("grpo" if kind == "grpo" else "columns"), check_mapping(mapping, row, kind)
    keys = set(row)
    if kind == "grpo":
        if {"prompt", "answer"} <= keys:
            return "grpo", None
    elif "messages" in keys:
        return "messages", None
    elif "conversations" in keys:
        return "sharegpt", None
    elif {"prompt", "completion"} <= keys:
        return "completions", None
    elif {"instruction", "output"} <= keys:
        return "alpaca", None
    elif "text" in keys:
        return "text", None
    for prompt, answer in KNOWN_COLUMNS[kind]:
        if {prompt, answer} <= keys:
            second = MAPPING_FIELDS[kind][1]
            mapped = {"prompt": prompt, second: answer}
            if "system" in keys:
                mapped["system"] = "system"
            return ("grpo" if kind == "grpo" else "columns"), mapped
    expected = ("{prompt, answer, system?}" if kind == "grpo" else
                "messages, conversations (ShareGPT), prompt/completion, instruction/output (Alpaca), text, "
                "question/answer or input/output")
    raise RowProblem(f"unrecognised columns {sorted(keys)[:12]}: expected {expected}, or give a mapping")


def check_mapping(mapping: dict[str, str], row: dict[str, Any], kind: Kind) -> dict[str, str]:
    fields = MAPPING_FIELDS[kind]
    unknown = sorted(set(mapping) - set(fields))
    if unknown:
        raise RowProblem(f"mapping fields {unknown} are not among {list(fields)}")
    mapping = {k: v for k, v in mapping.items() if v}
    missing = [f for f in fields[:2] if f not in mapping]
    if missing:
        raise RowProblem(f"the mapping needs {missing}")
    absent = sorted(c for c in mapping.values() if c not in row)
    if absent:
        raise RowProblem(f"mapped column(s) {absent} not in the data (columns: {sorted(row)[:20]})")
    return mapping


def output_format(fmt: str, mapping: dict[str, str] | None) -> str:
    if fmt == "columns":
        return "messages" if mapping and "system" in mapping else "completions"
    return OUTPUT_FORMAT[fmt]


def _content(value: Any, where: str) -> str:
    """Message content: a string, or a list of text parts joined (mlx-lm templates take strings)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for i, part in enumerate(value):
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and part.get("type", "text") == "text" and isinstance(part.get("text"), str):
                parts.append(part["text"])
            else:
                raise RowProblem(f"{where}.content[{i}] is not a text part (only text can be trained)")
        return "".join(parts)
    raise RowProblem(f"{where}.content must be a string or a list of text parts")


def _message(m: Any, i: int) -> dict[str, Any]:
    where = f"messages[{i}]"
    if not isinstance(m, dict) or not isinstance(m.get("role"), str) or m["role"] not in ROLES:
        raise RowProblem(f"{where} needs a role of {sorted(ROLES)}")
    out = dict(m)
    calls = m.get("tool_calls")
    if calls is not None and not (m["role"] == "assistant" and isinstance(calls, list) and calls):
        raise RowProblem(f"{where}.tool_calls must be a non-empty list on an assistant message")
    if "content" in m and m["content"] is not None:
        out["content"] = _content(m["content"], where)
    elif calls:
        out.pop("content", None)  # an assistant turn that only calls tools, as mlx-lm trains it
    else:
        raise RowProblem(f"{where}.content must be a string")
    return out


def _messages_row(messages: Any, tools: Any = None) -> dict[str, Any]:
    if not isinstance(messages, list) or not messages:
        raise RowProblem("'messages' must be a non-empty list")
    out = [_message(m, i) for i, m in enumerate(messages)]
    if not any(m["role"] == "assistant" for m in out):
        raise RowProblem("no assistant message to learn from")
    row: dict[str, Any] = {"messages": out}
    if tools is not None:
        if not isinstance(tools, list):
            raise RowProblem("'tools' must be a list of tool definitions")
        row["tools"] = tools
    return row


def _sharegpt(row: dict[str, Any]) -> dict[str, Any]:
    turns = row.get("conversations")
    if not isinstance(turns, list) or not turns:
        raise RowProblem("'conversations' must be a non-empty list")
    messages = []
    if _text(row.get("system")):
        messages.append({"role": "system", "content": row["system"]})
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise RowProblem(f"conversations[{i}] is not an object")
        speaker = turn.get("from", turn.get("role"))
        role = SPEAKERS.get(str(speaker).lower()) if speaker is not None else None
        if role is None:
            raise RowProblem(f"conversations[{i}]: unknown speaker {speaker!r} (expected human, gpt, system, "
                             "or a role)")
        value = turn.get("value", turn.get("content"))
        messages.append({"role": role, "content": _content(value, f"conversations[{i}]")})
    return _messages_row(messages)


def _alpaca(row: dict[str, Any]) -> dict[str, Any]:
    if not _text(row.get("instruction")):
        raise RowProblem("'instruction' must be a non-empty string")
    if not _text(row.get("output")):
        raise RowProblem("'output' must be a non-empty string")
    extra = row.get("input")
    if extra is not None and not isinstance(extra, str):
        raise RowProblem("'input' must be a string")
    user = row["instruction"] + (f"\n\n{extra}" if extra and extra.strip() else "")
    head = [{"role": "system", "content": row["system"]}] if _text(row.get("system")) else []
    return {"messages": head + [{"role": "user", "content": user}, {"role": "assistant", "content": row["output"]}]}


def _columns(row: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    prompt = _scalar_text(row.get(mapping["prompt"]), mapping["prompt"])
    completion = _scalar_text(row.get(mapping["completion"]), mapping["completion"])
    if "system" not in mapping:
        return {"prompt": prompt, "completion": completion}
    system = row.get(mapping["system"])
    head = [{"role": "system", "content": str(system)}] if system not in (None, "") else []
    return {"messages": head + [{"role": "user", "content": prompt}, {"role": "assistant", "content": completion}]}


def _grpo(row: dict[str, Any], mapping: dict[str, str] | None) -> dict[str, Any]:
    m = mapping or {"prompt": "prompt", "answer": "answer", "system": "system"}
    if m["prompt"] not in row or not _text(row[m["prompt"]]):
        raise RowProblem(f"'{m['prompt']}' must be a non-empty string")
    if m["answer"] not in row:
        raise RowProblem(f"missing '{m['answer']}'")
    answer = row[m["answer"]]
    if isinstance(answer, bool) or not isinstance(answer, (str, int, float)) or str(answer).strip() == "":
        raise RowProblem(f"'{m['answer']}' must be a non-empty string or number")
    out = {"prompt": row[m["prompt"]], "answer": answer}
    system = row.get(m.get("system", "system"))
    if system is not None:
        if not isinstance(system, str):
            raise RowProblem("'system' must be a string")
        out["system"] = system
    return out


def convert(row: Any, fmt: str, mapping: dict[str, str] | None) -> dict[str, Any]:
    """One source row as the mlx-lm row it trains as; RowProblem when it cannot be."""
    if not isinstance(row, dict):
        raise RowProblem("row is not a JSON object")
    if fmt == "messages":
        return _messages_row(row.get("messages"), row.get("tools"))
    if fmt == "sharegpt":
        return _sharegpt(row)
    if fmt == "alpaca":
        return _alpaca(row)
    if fmt == "completions":
        if not _text(row.get("prompt")) or not _text(row.get("completion")):
            raise RowProblem("'prompt' and 'completion' must be non-empty strings")
        out = {"prompt": row["prompt"], "completion": row["completion"]}
        if isinstance(row.get("tools"), list):
            out["tools"] = row["tools"]
        return out
    if fmt == "text":
        if not _text(row.get("text")):
            raise RowProblem("'text' must be a non-empty string")
        return {"text": row["text"]}
    if fmt == "columns":
        return _columns(row, mapping or {})
    if fmt == "grpo":
        return _grpo(row, mapping)
    raise RowProblem(f"unknown format {fmt}")

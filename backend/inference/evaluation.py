"""Evaluation jobs: base model vs a session's adapter on the session's held-out rows.

Per sample: the mean NLL and perplexity of the reference answer given the prompt (teacher-forced,
batched, see InferenceService.reference_nll), and exact match, token F1 and ROUGE-L of the greedy
answer; optionally LLM-judge scores. Aggregates are 0–100 scores for base and adapter plus deltas
(adapter − base). One job at a time, in a background thread; progress goes out as
`evaluation_progress` events and into GET /evaluation/{id}; results are stored in SQLite.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.inference import metrics
from backend.inference.judge import CRITERIA, JudgeClient, JudgeConfig, JudgeError
from backend.inference.service import (
    InferenceError,
    InferenceService,
    Target,
    encode_reference,
    resolve_adapter,
    resolve_base,
)
from backend.runs.events import EventHub
from backend.runs.layout import RunFiles
from backend.runs.store import RunStore

log = logging.getLogger("lora_studio.evaluation")
SCORE_KEYS = ("exact_match", "token_f1", "rouge_l", "nll_score")
JUDGE_SKIP_AFTER = 3  # consecutive unreachable-judge failures before the remaining calls are skipped
FORMULAS = {
    "exact_match": "% of greedy answers equal to the reference after lowercasing and removing punctuation",
    "token_f1": "mean bag-of-tokens F1 of the greedy answer vs the reference, x100",
    "rouge_l": "mean ROUGE-L F (longest common token subsequence) of the greedy answer, x100",
    "nll_score": "100 * exp(-mean_nll) = 100 / perplexity; mean_nll = mean over samples of the reference "
                 "answer's mean per-token NLL (nats) given the prompt",
    "judge_*": "mean LLM-judge score over the samples the judge scored (hallucination: lower is better)",
}


@dataclass
class Example:
    messages: list[dict[str, str]]  # the prompt: every message before the reference answer
    reference: str

    @property
    def question(self) -> str:
        if len(self.messages) == 1:
            return self.messages[0]["content"]
        return "\n".join(f"{m['role']}: {m['content']}" for m in self.messages)


def example_from_row(row: Any) -> Example | None:
    """An example from a messages, prompt/completion or prompt/answer(+system) row; None if unusable."""
    if not isinstance(row, dict):
        return None
    if isinstance(row.get("messages"), list):
        msgs = [m for m in row["messages"] if isinstance(m, dict) and isinstance(m.get("content"), str)
                and isinstance(m.get("role"), str)]
        last = max((i for i, m in enumerate(msgs) if m["role"] == "assistant"), default=None)
        if last is None or last == 0:
            return None
        return Example([{"role": m["role"], "content": m["content"]} for m in msgs[:last]], msgs[last]["content"])
    prompt = row.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        return None
    if isinstance(row.get("completion"), str):
        return Example([{"role": "user", "content": prompt}], row["completion"])
    answer = row.get("answer")
    if isinstance(answer, (str, int, float)) and not isinstance(answer, bool) and str(answer).strip():
        system = row.get("system")
        head = [{"role": "system", "content": system}] if isinstance(system, str) and system.strip() else []
        return Example(head + [{"role": "user", "content": prompt}], str(answer))
    return None


def heldout_examples(run: dict, files: RunFiles, limit: int,
                     dataset_path: str | None = None) -> tuple[list[Example], str]:
    """The first `limit` usable rows of test.jsonl, else valid.jsonl, else the configured validation file;
    only `dataset_path` when one is given (sessions without held-out data of their own, e.g. imported)."""
    candidates = [("test", files.data_dir / "test.jsonl"), ("valid", files.data_dir / "valid.jsonl")]
    if dataset_path is not None:
        candidates = [("dataset_path", Path(dataset_path).expanduser())]
        if not candidates[0][1].is_file():
            raise InferenceError(422, f"dataset_path {dataset_path} is not a file")
    elif isinstance(run["config"].get("val_data_path"), str):
        candidates.append(("val_data_path", Path(run["config"]["val_data_path"]).expanduser()))
    problems = []
    for split, path in candidates:
        if not path.is_file():
            continue
        examples, text_rows = [], 0
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict) and "text" in row and "messages" not in row and "prompt" not in row:
                    text_rows += 1
                elif (ex := example_from_row(row)) is not None:
                    examples.append(ex)
                    if len(examples) >= limit:
                        break
        if examples:
            return examples, split
        problems.append(f"{path.name}: " + ("its rows are plain 'text', which has no reference answer to "
                                            "compare with" if text_rows else "no usable rows"))
    if not problems:
        raise InferenceError(422, f"Session {run['id']} has no held-out data (no test.jsonl or valid.jsonl "
                                  f"in {files.data_dir})")
    raise InferenceError(422, f"Session {run['id']} has no rows to evaluate: {'; '.join(problems)}. "
                              "Evaluation needs 'messages', 'prompt'/'completion' or 'prompt'/'answer' rows")


class _Cancelled(Exception):
    pass


@dataclass
class _Job:
    id: str
    run_id: str
    base: Target
    adapter: Target
    examples: list[Example]
    split: str
    max_tokens: int
    judge: JudgeConfig | None
    judge_key: str | None
    others: list[Target] = field(default_factory=list)  # further adapters scored against the same base
    progress: float = 0.0
    phase: str = "queued"
    done_units: int = 0
    total_units: int = 1
    published: float = -1.0


class EvaluationManager:
    def __init__(self, store: RunStore, hub: EventHub, inference: InferenceService, runs_dir: Path,
                 batch_size: int = 16):
        self.store, self.hub, self.inference, self.runs_dir = store, hub, inference, runs_dir
        self.batch_size = batch_size  # prompts per batch_generate call in the greedy passes
        self._lock = threading.Lock()
        self._job: _Job | None = None
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._mark_interrupted()

    def _mark_interrupted(self) -> None:
        for run in self.store.list_runs():
            for ev in self.store.list_evaluations(run["id"]):
                if ev["state"] in ("queued", "running"):
                    self.store.update_evaluation(ev["id"], state="failed", error="interrupted: the server "
                                                 "stopped during the evaluation; start it again")

    # -- API --------------------------------------------------------------------------------------
    def start(self, session_id: str, *, num_questions: int, max_tokens: int, checkpoint: str,
              judge: JudgeConfig | None, dataset_path: str | None = None,
              other_session_ids: list[str] | None = None) -> dict[str, Any]:
        adapter = resolve_adapter(self.store, self.runs_dir, session_id=session_id, checkpoint=checkpoint)
        base = resolve_base(self.store, model_path=None, session_id=session_id)
        others = [resolve_adapter(self.store, self.runs_dir, session_id=sid, checkpoint=checkpoint)
                  for sid in other_session_ids or []]
        if len({session_id, *(t.session_id for t in others)}) != 1 + len(others):
            raise InferenceError(422, "session_ids: each session can be compared once")
        if any(t.model_path != base.model_path for t in others):
            raise InferenceError(422, "session_ids: the sessions use different base models; several adapters are "
                                      "compared on one shared base")
        if others and judge is not None:
            raise InferenceError(422, "judge: the LLM judge compares one adapter with the base; evaluate "
                                      "several adapters without it")
        run = self.store.get_run(session_id)
        examples, split = heldout_examples(run, RunFiles.for_run(self.runs_dir, session_id), num_questions,
                                           dataset_path)
        try:
            key = judge.api_key() if judge else None
        except ValueError as exc:
            raise InferenceError(422, str(exc)) from exc
        with self._lock:
            if self._job is not None:
                raise InferenceError(409, f"Evaluation {self._job.id} is running; wait for it to finish")
            eval_id = f"eval-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
            request = {"session_id": session_id, "num_questions": num_questions, "max_tokens": max_tokens,
                       "checkpoint": checkpoint, "dataset_path": dataset_path,
                       "session_ids": [session_id, *(t.session_id for t in others)], "judge": None if judge is None else
                       {"base_url": judge.base_url, "model": judge.model, "api_key_env": judge.api_key_env}}
            self.store.create_evaluation(eval_id, session_id, request)
            job = _Job(eval_id, session_id, base, adapter, examples, split, max_tokens, judge, key, others)
            sides = 2 + len(others)
            job.total_units = sides + sides * len(examples) + (len(examples) if judge else 0)
            self._job = job
            self._cancel.clear()
            self._thread = threading.Thread(target=self._run, args=(job,), name=f"evaluation-{eval_id}",
                                            daemon=True)
            self._thread.start()
        return {"evaluation_id": eval_id, "session_id": session_id, "num_samples": len(examples),
                "split_used": split}

    def get(self, eval_id: str) -> dict[str, Any] | None:
        record = self.store.get_evaluation(eval_id)
        if record is None:
            return None
        with self._lock:
            job = self._job if self._job is not None and self._job.id == eval_id else None
        state = record["state"]
        if job is not None and state in ("queued", "running"):
            progress, phase = job.progress, job.phase
        else:
            progress, phase = (1.0, "done") if state == "completed" else (0.0, state)
        return {"id": record["id"], "session_id": record["run_id"], "state": state, "progress": progress,
                "phase": phase, "error": record["error"], "created_at": record["created_at"],
                "updated_at": record["updated_at"], "request": record["request"], "result": record["result"]}

    def shutdown(self, timeout: float = 15.0) -> None:
        self._cancel.set()
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join(timeout)

    # -- the job ----------------------------------------------------------------------------------
    def _advance(self, job: _Job, phase: str, units: int = 1) -> None:
        if self._cancel.is_set():
            raise _Cancelled()
        job.done_units += units
        job.progress = min(job.done_units / job.total_units, 1.0)
        changed = phase != job.phase
        job.phase = phase
        # Events are stored; publish on phase changes and every 5% so a 500-sample run stays quiet.
        if changed or job.progress - job.published >= 0.05 or job.progress >= 1.0:
            job.published = job.progress
            self.hub.publish("evaluation_progress", job.run_id,
                             {"evaluation_id": job.id, "progress": round(job.progress, 4), "phase": phase})

    def _run(self, job: _Job) -> None:
        started = time.perf_counter()
        try:
            self.store.update_evaluation(job.id, state="running")
            self._advance(job, "loading", 0)
            result = self._evaluate(job)
            result["timing"]["total_seconds"] = round(time.perf_counter() - started, 3)
            self.store.update_evaluation(job.id, state="completed", result=result)
            self.hub.publish("evaluation_completed", job.run_id, {"evaluation_id": job.id, "state": "completed"})
        except BaseException as exc:  # noqa: BLE001 - every failure ends the job with a message
            if isinstance(exc, _Cancelled):
                message = "cancelled: the server shut down during the evaluation"
            elif isinstance(exc, InferenceError):
                message = exc.detail
            else:
                log.exception("evaluation %s failed", job.id)
                message = f"evaluation failed: {type(exc).__name__}: {exc}"
            self.store.update_evaluation(job.id, state="failed", error=message)
            self.hub.publish("evaluation_completed", job.run_id,
                             {"evaluation_id": job.id, "state": "failed", "error": message})
        finally:
            with self._lock:
                if self._job is job:
                    self._job = None

    def _evaluate(self, job: _Job) -> dict[str, Any]:
        svc, examples, timing = self.inference, job.examples, {}
        tokenizer = svc.acquire(job.base)[0].tokenizer
        # The base is scored once; each further adapter is keyed by its session id.
        sides = [("base", job.base), ("adapter", job.adapter)] + [(t.session_id, t) for t in job.others]
        for _, target in sides[1:]:
            svc.acquire(target)
        pairs = [encode_reference(tokenizer, ex.messages, ex.reference) for ex in examples]
        t0 = time.perf_counter()
        nll = {}
        for side, target in sides:
            nll[side] = svc.reference_nll(target, pairs)
            self._advance(job, "nll")
        timing["nll_seconds"] = round(time.perf_counter() - t0, 3)
        t0 = time.perf_counter()
        prompts = [prompt for prompt, _ in pairs]
        answers = {side: self._greedy_answers(job, target, side, prompts) for side, target in sides}
        timing["generation_seconds"] = round(time.perf_counter() - t0, 3)
        samples = score_samples(examples, answers, nll)
        if job.others:
            job_adapters = [("adapter", job.adapter)] + sides[2:]
            result_adapters = [per_adapter(examples, answers, nll, key, target) for key, target in job_adapters]
        result: dict[str, Any] = {"samples": samples, "num_samples": len(samples), "split_used": job.split,
                                  "checkpoint": job.adapter.checkpoint, "model_path": job.base.model_path,
                                  "adapter_file": job.adapter.adapter_file, "formulas": FORMULAS, "timing": timing}
        if job.judge is not None:
            t0 = time.perf_counter()
            result.update(self._judge(job, samples))
            timing["judge_seconds"] = round(time.perf_counter() - t0, 3)
        result.update(summarize(samples))
        if job.others:
            result["adapters"] = result_adapters
        return result

    def _greedy_answers(self, job: _Job, target: Target, side: str, prompts: list[list[int]]) -> list[str]:
        texts = self.inference.generate_greedy_batch(
            target, prompts, max_tokens=job.max_tokens,
            batch_size=self.batch_size, on_batch=lambda n: self._advance(job, f"generating_{side}", n))
        return [t.strip() for t in texts]

    def _judge(self, job: _Job, samples: list[dict]) -> dict[str, Any]:
        client = JudgeClient(job.judge, job.judge_key)
        failures, skip_reason = 0, None
        try:
            for sample in samples:
                if skip_reason is not None:
                    sample["judge"] = {"error": f"skipped: {skip_reason}"}
                else:
                    try:
                        sample["judge"] = client.score(sample["question"], sample["reference"],
                                                       sample["base_answer"], sample["adapter_answer"])
                        failures = 0
                    except JudgeError as exc:
                        sample["judge"] = {"error": str(exc)}
                        failures = failures + 1 if exc.unreachable else 0
                        if failures >= JUDGE_SKIP_AFTER:
                            skip_reason = f"the judge was unreachable {failures} times in a row ({exc})"
                self._advance(job, "judging")
        finally:
            client.close()
        scored = sum(1 for s in samples if "error" not in s["judge"])
        out: dict[str, Any] = {"judge": {"base_url": job.judge.base_url, "model": job.judge.model,
                                         "scored": scored, "failed": len(samples) - scored}}
        if scored == 0:
            first = samples[0]["judge"]["error"] if samples else "no samples"
            out["judge_error"] = f"every judge call failed; judge scores are left out. First error: {first}"
        return out


def score_samples(examples: list[Example], answers: dict[str, list[str]],
                  nll: dict[str, list[float]]) -> list[dict[str, Any]]:
    samples = []
    for i, ex in enumerate(examples):
        sample = {"question": ex.question, "reference": ex.reference,
                  "base_answer": answers["base"][i], "adapter_answer": answers["adapter"][i]}
        for side in ("base", "adapter"):
            text = metrics.text_scores(answers[side][i], ex.reference)
            sample[side] = {"nll": _round(nll[side][i]), "perplexity": _round(metrics.perplexity(nll[side][i])),
                            **{k: _round(v) for k, v in text.items()}}
        samples.append(sample)
    return samples


def per_adapter(examples: list[Example], answers: dict[str, list[str]], nll: dict[str, list[float]], key: str,
                target: Target) -> dict[str, Any]:
    """One adapter's scores and deltas against the shared base answers of a multi-adapter evaluation."""
    samples = score_samples(examples, {"base": answers["base"], "adapter": answers[key]},
                            {"base": nll["base"], "adapter": nll[key]})
    summary = summarize(samples)
    return {"session_id": target.session_id, "checkpoint": target.checkpoint, "adapter_file": target.adapter_file,
            **summary["adapter"], "delta": summary["delta"], "answers": answers[key]}


def summarize(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-side aggregates and `delta` = adapter − base for every score both sides have."""
    out = {side: aggregate([s[side] for s in samples], _judge_rows(samples, side)) for side in ("base", "adapter")}
    base, adapter = out["base"], out["adapter"]
    delta = {k: _round(adapter["scores"][k] - v) for k, v in base["scores"].items()
             if v is not None and adapter["scores"].get(k) is not None}
    if base["mean_nll"] is not None and adapter["mean_nll"] is not None:
        delta["mean_nll"] = _round(adapter["mean_nll"] - base["mean_nll"])
    return {**out, "delta": delta}


def _judge_rows(samples: list[dict], side: str) -> list[dict[str, float]]:
    return [s["judge"][side] for s in samples if "judge" in s and "error" not in s["judge"]]


def aggregate(rows: list[dict[str, float]], judge_rows: list[dict[str, float]]) -> dict[str, Any]:
    """0–100 scores of one side (see FORMULAS), its mean NLL and perplexity."""
    finite = [r["nll"] for r in rows if r["nll"] is not None and math.isfinite(r["nll"])]
    mean_nll = metrics.mean(finite)
    scores: dict[str, float | None] = {
        k: _round(metrics.mean(r[k] for r in rows)) for k in ("exact_match", "token_f1", "rouge_l")}
    scores["nll_score"] = _round(metrics.nll_score(mean_nll)) if mean_nll is not None else None
    if judge_rows:
        for name in CRITERIA:
            scores[f"judge_{name}"] = _round(metrics.mean(r[name] for r in judge_rows))
    return {"scores": scores, "mean_nll": _round(mean_nll),
            "perplexity": _round(metrics.perplexity(mean_nll)) if mean_nll is not None else None,
            "judged_samples": len(judge_rows)}


def _round(value: float | None, digits: int = 4) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)

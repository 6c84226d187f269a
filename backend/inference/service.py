"""In-process inference: models loaded once and kept, LoRA adapters applied on top, one compute lock.

The older app started `python -m mlx_lm generate` per request and paid interpreter start-up, imports
and a full model load every time (scripts/bench/inference.py measures the difference). Here a small
LRU keeps the last few (model, adapter file) combinations loaded. An adapter entry is a second model
object built on the base entry's weight arrays (MLX arrays are immutable and reference counted), so
base + adapter hold one copy of the weights plus the small LoRA matrices, and Compare's side-by-side
base/adapter requests never reload anything.

All model compute (generation and NLL passes) runs under one lock: a machine has one accelerator, so
concurrent MLX work only contends for it, and the lock guarantees no model serves two generations at
once. Callers run these methods in worker threads (asyncio.to_thread or the evaluation thread).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from backend.adapters.peft import mlx_lora_parameters
from backend.errors import StudioError
from backend.inference.fair_lock import FairLock
from backend.models.catalog import describe_model
from backend.runs.layout import (
    ADAPTER_CONFIG,
    BEST_ADAPTER,
    FINAL_ADAPTER,
    RUN_ID_RE,
    RunFiles,
)
from backend.runs.sessions import loaded_session_id
from backend.runs.store import RunStore
from backend.schemas.limits import MAX_NEW_TOKENS

log = logging.getLogger("lora_studio.inference")
CACHE_ENTRIES = 3
CHECKPOINT_FILES = {"final": FINAL_ADAPTER, "best": BEST_ADAPTER}
# mlx-lm's defaults for an adapter_config.json without lora_parameters (older apps wrote none).
NLL_BATCH_TOKENS = 4096  # padded tokens per forward pass: bounds the logits' memory
NLL_MAX_LEN = 4096


class InferenceError(StudioError):
    """A refused inference or evaluation request."""


@dataclass(frozen=True)
class Target:
    """What to run: a base model, optionally with one adapter file of a session."""

    model_path: str
    adapter_dir: str | None = None
    adapter_file: str | None = None
    checkpoint: str | None = None
    session_id: str | None = None

    def cache_key(self) -> tuple:
        if self.adapter_file is None:
            return (self.model_path, None, None)
        # The file's mtime and size are part of the key, so a resumed run's rewritten adapter reloads.
        try:
            st = Path(self.adapter_file).stat()
        except OSError as exc:
            raise InferenceError(409, f"The adapter file {self.adapter_file} is gone: {exc}") from exc
        return (self.model_path, self.adapter_file, (st.st_mtime_ns, st.st_size))

    def base(self) -> "Target":
        return Target(self.model_path)


@dataclass
class Loaded:
    model: Any
    tokenizer: Any
    load_seconds: float


# -- resolving a request to a Target ------------------------------------------------------------
def _model_dir(path: str, whose: str) -> str:
    p = Path(path).expanduser()
    if not p.is_dir():
        raise InferenceError(422, f"{whose} directory not found: {path}")
    entry = describe_model(p)
    if entry["error"]:
        raise InferenceError(422, f"{whose} at {path} is not usable: {entry['error']}")
    return str(p.resolve())


def _session(store: RunStore, session_id: str | None) -> dict:
    sid = session_id or loaded_session_id(store)
    if sid is None:
        raise InferenceError(422, "No session given and none is loaded: pass session_id (or model_path "
                                  "for the base model), or load a session with POST /sessions/{id}/load")
    if not RUN_ID_RE.match(sid):
        raise InferenceError(422, f"invalid session id {sid!r}")
    run = store.find_run(sid)
    if run is None:
        raise InferenceError(404, f"No session {sid}")
    return run


def resolve_base(store: RunStore, *, model_path: str | None, session_id: str | None) -> Target:
    if model_path:
        return Target(_model_dir(model_path, "Model"))
    run = _session(store, session_id)
    return Target(_model_dir(run["model_path"], f"The model of session {run['id']}"), session_id=run["id"])


def resolve_adapter(store: RunStore, runs_dir: Path, *, session_id: str | None,
                    checkpoint: str = "final") -> Target:
    run = _session(store, session_id)
    files = RunFiles.for_run(runs_dir, run["id"])
    if not (files.adapters / ADAPTER_CONFIG).is_file():
        raise InferenceError(409, f"Session {run['id']} has no adapter files yet (no adapter_config.json in "
                                  f"{files.adapters}); train it or import its adapter first")
    weights = files.adapters / CHECKPOINT_FILES[checkpoint]
    if not weights.is_file():
        hint = ("it is written when validation loss improves; use checkpoint \"final\""
                if checkpoint == "best" else "the run has not saved an adapter yet")
        raise InferenceError(409, f"Session {run['id']} has no {checkpoint} adapter ({weights.name}): {hint}")
    model = _model_dir(run["model_path"], f"The model of session {run['id']}")
    return Target(model, str(files.adapters), str(weights), checkpoint, run["id"])


# -- loading ------------------------------------------------------------------------------------
def apply_adapter(model: Any, adapter_dir: Path, weights_file: Path) -> None:
    """LoRA/DoRA layers from adapter_config.json, then the chosen weights file (final or best).

    Like mlx-lm's `load_adapters`, but with any weights file of the run (no copying, nothing written in
    the run dir) and tolerant of legacy configs: missing `lora_parameters` fall back to mlx-lm's
    defaults with the rank read from the weights, missing `keys` mean every linear layer (mlx-lm's
    default), missing `num_layers` means every block. Converted layers the file has no weights for stay
    exact identities (LoRA's B matrix starts at zero), so over-covering changes nothing.
    """
    import mlx.core as mx
    from mlx.core import eval as materialize
    from mlx.utils import tree_flatten
    from mlx_lm.tuner.utils import linear_to_lora_layers

    config = json.loads((adapter_dir / ADAPTER_CONFIG).read_text())
    if not isinstance(config, dict):
        raise ValueError("adapter_config.json is not a JSON object")
    weights = mx.load(str(weights_file))
    fine_tune_type = config.get("fine_tune_type") or "lora"
    if fine_tune_type != "full":
        params = mlx_lora_parameters(config, weights)
        num_layers = config.get("num_layers")
        linear_to_lora_layers(model, num_layers if isinstance(num_layers, int) else -1, params,
                              use_dora=fine_tune_type == "dora")
    allowed = dict(tree_flatten(model.parameters()))
    if fine_tune_type != "full":
        allowed = {k: v for k, v in allowed.items() if k.rsplit(".", 1)[-1] in ("lora_a", "lora_b", "m")}
    errors = [f"{k}: not an adapter parameter of this model" if k not in allowed else
              f"{k}: shape {tuple(w.shape)} != {tuple(allowed[k].shape)}"
              for k, w in weights.items() if k not in allowed or w.shape != allowed[k].shape]
    if errors:
        raise ValueError(f"{len(errors)} tensor(s) do not fit the model, e.g. " + "; ".join(errors[:3]))
    model.load_weights(list(weights.items()), strict=False)
    materialize(model.parameters())  # mx.eval: load the lazy weights now, not on first use
    model.train(False)  # inference mode: dropout off


class InferenceService:
    def __init__(self, max_entries: int = CACHE_ENTRIES):
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, Loaded] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._load_lock = threading.RLock()  # one load at a time; re-entered to load a base for an adapter
        self.compute_lock = FairLock()  # one MLX evaluation at a time; generations take it per token
        self.loads = 0  # number of real loads, for tests and the bench

    # -- cache ----------------------------------------------------------------------------------
    def _lookup(self, key: tuple) -> Loaded | None:
        with self._cache_lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def acquire(self, target: Target) -> tuple[Loaded, bool]:
        """The loaded model for a target and whether it came from the cache."""
        key = target.cache_key()
        if (hit := self._lookup(key)) is not None:
            return hit, True
        with self._load_lock:
            if (hit := self._lookup(key)) is not None:  # loaded by the request we waited for
                return hit, True
            loaded = self._load(target)
            with self._cache_lock:
                self._entries[key] = loaded
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
            return loaded, False

    def _load(self, target: Target) -> Loaded:
        from mlx_lm.utils import load, load_model

        started = time.perf_counter()
        try:
            if target.adapter_file is None:
                with self.compute_lock:  # loading evaluates arrays: keep it off a running generation
                    model, tokenizer = load(target.model_path)
            else:
                from mlx.utils import tree_flatten, tree_unflatten

                base, _ = self.acquire(target.base())
                with self.compute_lock:
                    model, _ = load_model(Path(target.model_path), lazy=True)  # structure only: never read
                    model.update(tree_unflatten(tree_flatten(base.model.parameters())))
                    apply_adapter(model, Path(target.adapter_dir), Path(target.adapter_file))
                tokenizer = base.tokenizer
        except InferenceError:
            raise
        except Exception as exc:  # noqa: BLE001 - any loader failure is the files' fault, reported as such
            what = f"adapter {target.adapter_file}" if target.adapter_file else f"model {target.model_path}"
            log.warning("could not load %s: %s", what, exc)
            raise InferenceError(422, f"Could not load the {what}: {exc}") from exc
        self.loads += 1
        return Loaded(model, tokenizer, time.perf_counter() - started)

    def close(self) -> None:
        with self._cache_lock:
            self._entries.clear()

    # -- generation -----------------------------------------------------------------------------
    def generate(self, target: Target, messages: list[dict[str, str]], *, max_tokens: int,
                 temperature: float, top_p: float = 1.0, raw_prompt: bool = False,
                 on_text: Callable[[str], None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> dict[str, Any]:
        from mlx_lm import stream_generate
        from mlx_lm.sample_utils import make_sampler

        if not 1 <= max_tokens <= MAX_NEW_TOKENS:
            raise InferenceError(422, f"max_tokens must be 1..{MAX_NEW_TOKENS}")
        loaded, cached = self.acquire(target)
        # A tokenizer without a chat template is always prompted raw; the answer says so.
        raw_prompt = raw_prompt or not getattr(loaded.tokenizer, "has_chat_template", False)
        prompt = (encode_raw(loaded.tokenizer, messages) if raw_prompt
                  else encode_messages(loaded.tokenizer, messages))
        sampler = make_sampler(temp=temperature, top_p=top_p)
        parts, last = [], None
        started = time.perf_counter()
        # The lock is taken per token, not per answer, and handed over in arrival order: Compare's base
        # and adapter streams (two requests) then advance together instead of one after the other.
        # mlx-lm generates on a thread-local stream, so each request thread keeps its own.
        steps = stream_generate(loaded.model, loaded.tokenizer, prompt, max_tokens=max_tokens, sampler=sampler)
        try:
            while True:
                with self.compute_lock:
                    step = next(steps, None)
                if step is None:
                    break
                last = step
                parts.append(last.text)
                if on_text is not None and last.text:
                    on_text(last.text)
                if should_stop is not None and should_stop():
                    break
        finally:
            with self.compute_lock:
                steps.close()
        elapsed = time.perf_counter() - started
        # mlx-lm counts the end-of-sequence step as a generated token; the user never sees it.
        tokens = 0 if last is None else last.generation_tokens - (last.finish_reason == "stop")
        return {
            "response": "".join(parts), "tokens": tokens,
            "tokens_per_sec": round(last.generation_tps, 2) if last is not None and tokens else 0.0,
            "prompt_tokens": len(prompt), "elapsed_seconds": round(elapsed, 4),
            "raw_prompt": raw_prompt, "prompt_text": loaded.tokenizer.decode(prompt),
            "model_info": model_info(target, cached, loaded),
        }

    def generate_greedy_batch(self, target: Target, prompts: list[list[int]], *, max_tokens: int,
                              batch_size: int, on_batch: Callable[[int], None] | None = None) -> list[str]:
        """Greedy answers of many prompts through `mlx_lm.batch_generate`, `batch_size` at a time.

        The same answers as `generate(..., temperature=0)` one prompt at a time (a test holds it to
        that), several times faster: decoding is bound by reading the weights, which a batch shares.
        `prompts` are token ids (`encode_messages`; an evaluation has them from its NLL pass already).
        `on_batch(n)` is called after each batch of n prompts (progress).
        """
        from mlx_lm import batch_generate

        if not 1 <= max_tokens <= MAX_NEW_TOKENS:
            raise InferenceError(422, f"max_tokens must be 1..{MAX_NEW_TOKENS}")
        loaded, _ = self.acquire(target)
        answers: list[str] = []
        for start in range(0, len(prompts), max(1, batch_size)):
            chunk = prompts[start: start + max(1, batch_size)]
            with self.compute_lock:
                out = batch_generate(loaded.model, loaded.tokenizer, chunk, max_tokens=max_tokens,
                                     completion_batch_size=len(chunk),
                                     prefill_batch_size=min(len(chunk), 8))
            answers.extend(out.texts)
            if on_batch is not None:
                on_batch(len(chunk))
        return answers

    # -- teacher-forced NLL -----------------------------------------------------------------------
    def reference_nll(self, target: Target, pairs: list[tuple[list[int], list[int]]],
                      batch_tokens: int = NLL_BATCH_TOKENS, max_batch: int = 16) -> list[float]:
        """Mean NLL (nats/token) of each reference given its prompt, `pairs` = (prompt ids, reference ids).

        Sequences are sorted by length and packed into right-padded batches of at most `batch_tokens`
        padded tokens; one forward pass per batch, the loss masked to the reference tokens only (right
        padding cannot change earlier positions of a causal model).
        """
        loaded, _ = self.acquire(target)
        seqs = [_clip(p, r) for p, r in pairs]
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i][0]))
        batches: list[list[int]] = []
        current: list[int] = []
        for i in order:
            width = len(seqs[i][0])  # the longest so far: `order` is sorted by length
            if current and (len(current) >= max_batch or (len(current) + 1) * width > batch_tokens):
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
        out: list[float] = [float("nan")] * len(seqs)
        for batch in batches:
            for j, value in zip(batch, self._nll_batch(loaded.model, [seqs[j] for j in batch])):
                out[j] = value
        return out

    def _nll_batch(self, model: Any, seqs: list[tuple[list[int], int]]) -> list[float]:
        import mlx.core as mx
        import mlx.nn as nn
        import numpy as np

        width = max(len(ids) for ids, _ in seqs)
        x = np.zeros((len(seqs), width), np.int32)
        mask = np.zeros((len(seqs), width - 1), np.float32)
        for r, (ids, n_prompt) in enumerate(seqs):
            x[r, : len(ids)] = ids
            mask[r, n_prompt - 1: len(ids) - 1] = 1.0  # logits at t predict token t+1
        with self.compute_lock:
            inputs = mx.array(x)
            logits = model(inputs[:, :-1]).astype(mx.float32)
            nll = nn.losses.cross_entropy(logits, inputs[:, 1:], reduction="none")
            m = mx.array(mask)
            per = (nll * m).sum(axis=1) / mx.maximum(m.sum(axis=1), 1.0)
            return per.tolist()


def _clip(prompt: list[int], reference: list[int]) -> tuple[list[int], int]:
    """prompt + reference within NLL_MAX_LEN tokens: the prompt loses its oldest tokens first."""
    reference = reference[: NLL_MAX_LEN - 1]
    prompt = prompt[-(NLL_MAX_LEN - len(reference)):] if prompt else []
    if not prompt:  # a first token to predict the reference from
        prompt, reference = reference[:1], reference[1:] or reference[:1]
    return prompt + reference, len(prompt)


def model_info(target: Target, cached: bool, loaded: Loaded) -> dict[str, Any]:
    return {"model_path": target.model_path, "adapter_path": target.adapter_dir,
            "adapter_file": target.adapter_file, "checkpoint": target.checkpoint,
            "session_id": target.session_id, "loaded_from_cache": cached,
            "load_seconds": 0.0 if cached else round(loaded.load_seconds, 4)}


def encode_raw(tokenizer: Any, messages: list[dict[str, str]]) -> list[int]:
    """Prompt token ids without any chat template, as mlx-lm tokenises a `text` training row."""
    return list(tokenizer.encode("\n\n".join(m["content"] for m in messages)))


def session_prefers_raw(run: dict | None) -> bool:
    """A session trained on plain `text` rows is prompted raw by default (no chat template)."""
    data = ((run or {}).get("summary") or {}).get("data") or {}
    return (data.get("trains_as") or data.get("format")) == "text"


def encode_messages(tokenizer: Any, messages: list[dict[str, str]]) -> list[int]:
    """Prompt token ids: the chat template with the generation prompt when the tokenizer has one."""
    if getattr(tokenizer, "has_chat_template", False):
        try:
            return list(tokenizer.apply_chat_template(messages, add_generation_prompt=True))
        except Exception:  # noqa: BLE001 - templates that refuse a system role get it folded in
            if messages and messages[0]["role"] == "system" and len(messages) > 1:
                merged = [{**messages[1], "content": f"{messages[0]['content']}\n\n{messages[1]['content']}"}]
                return list(tokenizer.apply_chat_template(merged + messages[2:], add_generation_prompt=True))
            raise
    return encode_raw(tokenizer, messages)


def encode_reference(tokenizer: Any, messages: list[dict[str, str]], reference: str) -> tuple[list[int], list[int]]:
    """(prompt ids, reference ids) tokenised as training saw them: the rendered conversation with the
    answer, split where the generation prompt ends. Falls back to prompt + answer + EOS when the
    template does not render the prompt as a prefix of the conversation."""
    prompt = encode_messages(tokenizer, messages)
    if getattr(tokenizer, "has_chat_template", False):
        full = list(tokenizer.apply_chat_template(messages + [{"role": "assistant", "content": reference}]))
        if full[: len(prompt)] == prompt and len(full) > len(prompt):
            return prompt, full[len(prompt):]
    answer = list(tokenizer.encode(reference, add_special_tokens=False))
    eos = getattr(tokenizer, "eos_token_id", None)
    return prompt, answer + ([eos] if eos is not None else [])

"""Builds the demo model and datasets under `<data root>/demo/`, offline and deterministically.

Layout: `model/` (config.json, model.safetensors, tokenizer.json, tokenizer_config.json) loadable by
plain `mlx_lm.load`, and `datasets/{sft,grpo}/{train,valid,test}.jsonl`. Everything is written into a
temporary directory first and renamed into place, so an interrupted build leaves nothing half-made.

The model is a ~120k-parameter llama (2 layers, hidden 64) with a byte-level BPE tokenizer whose
vocabulary is just large enough for every country and city name to be one token. It is pre-trained
for ~20 s on a CPU with a plain MLX loop on the corpus of `corpus.py`. What makes so short a run
work: Adam's beta2 at 0.95 (with 0.999 the model sits on a loss plateau for most of the budget),
small batches (more updates for the same tokens), rows bucketed by length (little padding), and a
loss that weighs the prompt at 0.2 against 1 for the answer. The prompt still has to be learned: the
mlx-lm trainer's default loss covers it, and a base that never saw it would spend a short LoRA run
learning the chat markup instead of the facts.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from backend.demo import corpus

DEMO_VERSION = 2
SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}"
    "<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


@dataclass(frozen=True)
class DemoSpec:
    """Model shape and pre-training recipe; `unknown_repeats` is how often the "I do not know"
    dialogues are repeated in the corpus (they are the rarest and the last thing learned)."""

    seed: int = 0
    vocab_size: int = 704
    hidden_size: int = 64
    num_hidden_layers: int = 2
    intermediate_size: int = 128
    num_attention_heads: int = 4
    num_key_value_heads: int = 2
    pretrain_steps: int = 340
    batch_size: int = 8
    learning_rate: float = 4e-3
    warmup_steps: int = 20
    unknown_repeats: int = 2
    prompt_loss_weight: float = 0.2
    adam_beta2: float = 0.95


def demo_is_built(demo_dir: Path) -> bool:
    marker = demo_dir / "VERSION"
    return marker.exists() and marker.read_text().strip() == str(DEMO_VERSION)


def _render(messages: list[dict[str, str]]) -> str:
    return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)


def _train_tokenizer(texts: list[str], spec: DemoSpec, out: Path) -> None:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=spec.vocab_size, special_tokens=SPECIAL_TOKENS, show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train_from_iterator(texts, trainer=trainer)
    tok.save(str(out / "tokenizer.json"))
    (out / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
        "unk_token": None, "model_max_length": 512, "chat_template": CHAT_TEMPLATE,
        "clean_up_tokenization_spaces": False,
    }, indent=2))


def _model_config(spec: DemoSpec, vocab_size: int, eos_ids: list[int]) -> dict:
    return {
        "model_type": "llama", "architectures": ["LlamaForCausalLM"],
        "hidden_size": spec.hidden_size, "num_hidden_layers": spec.num_hidden_layers,
        "intermediate_size": spec.intermediate_size, "num_attention_heads": spec.num_attention_heads,
        "num_key_value_heads": spec.num_key_value_heads, "rms_norm_eps": 1e-5,
        "vocab_size": vocab_size, "rope_theta": 10000.0, "tie_word_embeddings": True,
        "max_position_embeddings": 512, "eos_token_id": eos_ids, "torch_dtype": "float32",
    }


def _encode_corpus(tok, dialogues: list[list[dict[str, str]]], prompt_weight: float) -> list:
    """Buckets of rows padded to a multiple of 8 tokens: `(tokens, loss weights)` per bucket, the
    weights 1 for the answer and its `<|im_end|>`, `prompt_weight` for the prompt, 0 for padding."""
    import numpy as np

    rows: dict[int, list] = {}
    for d in dialogues:
        prompt = tok.encode(_render(d[:-1]) + "<|im_start|>assistant\n").ids
        ids = tok.encode(_render(d).rstrip("\n")).ids
        assert ids[: len(prompt)] == prompt
        rows.setdefault(-(-len(ids) // 8) * 8, []).append((ids, len(prompt)))
    buckets = []
    for width, group in sorted(rows.items()):
        x = np.zeros((len(group), width), np.int32)
        weight = np.zeros((len(group), width - 1), np.float32)
        for r, (ids, p) in enumerate(group):
            x[r, : len(ids)] = ids
            weight[r, : p - 1] = prompt_weight
            weight[r, p - 1 : len(ids) - 1] = 1.0
        buckets.append((x, weight))
    return buckets


def _pretrain(model_dir: Path, dialogues: list[list[dict[str, str]]], spec: DemoSpec, log) -> None:
    """Plain MLX loop: AdamW with warm-up and cosine decay, one compiled step per bucket width; each
    step's batch comes from one bucket, picked in proportion to its size."""
    import mlx.core as mx
    import mlx.nn as nn
    import mlx.optimizers as optim
    import numpy as np
    from mlx.core import (
        eval as materialize,  # MLX's lazy-array evaluation, not Python's eval
    )
    from mlx.utils import tree_flatten
    from mlx_lm.models import llama
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    # Generation stops at the end of the turn, or at the padding token should a tuned model emit it.
    config = _model_config(spec, tok.get_vocab_size(),
                           [tok.token_to_id("<|im_end|>"), tok.token_to_id("<|endoftext|>")])
    (model_dir / "config.json").write_text(json.dumps(config, indent=2))

    mx.random.seed(spec.seed)
    model = llama.Model(llama.ModelArgs.from_dict(config))
    buckets = _encode_corpus(tok, dialogues, spec.prompt_loss_weight)
    sizes = np.array([len(x) for x, _ in buckets], np.float64)
    rng = np.random.default_rng(spec.seed)

    def loss_fn(model, x, weight):
        ce = nn.losses.cross_entropy(model(x[:, :-1]), x[:, 1:]) * weight
        return ce.sum() / weight.sum()

    lr, warmup = spec.learning_rate, spec.warmup_steps
    schedule = optim.join_schedules(
        [optim.linear_schedule(lr / 10, lr, warmup),
         optim.cosine_decay(lr, spec.pretrain_steps - warmup, lr / 20)], [warmup])
    optimizer = optim.AdamW(learning_rate=schedule, betas=[0.9, spec.adam_beta2])
    loss_and_grad = nn.value_and_grad(model, loss_fn)
    state = [model.state, optimizer.state]

    def step(x, weight):
        loss, grads = loss_and_grad(model, x, weight)
        optimizer.update(model, grads)
        return loss

    step = mx.compile(step, inputs=state, outputs=state)
    queues = [np.zeros(0, np.int64) for _ in buckets]
    for it in range(1, spec.pretrain_steps + 1):
        b = int(rng.choice(len(buckets), p=sizes / sizes.sum()))
        while len(queues[b]) < spec.batch_size:  # epochs of shuffled rows, per bucket
            queues[b] = np.concatenate([queues[b], rng.permutation(len(buckets[b][0]))])
        idx, queues[b] = queues[b][: spec.batch_size], queues[b][spec.batch_size :]
        x, weight = buckets[b]
        loss = step(mx.array(x[idx]), mx.array(weight[idx]))
        materialize(state, loss)
        if it % 50 == 0 or it == spec.pretrain_steps:
            log(f"pre-training step {it}/{spec.pretrain_steps}: loss {loss.item():.3f}")
    weights = dict(tree_flatten(model.parameters()))
    mx.save_safetensors(str(model_dir / "model.safetensors"), weights, metadata={"format": "mlx"})


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def build_demo(demo_dir: Path, spec: DemoSpec = DemoSpec(), force: bool = False, log=print) -> Path:
    """Build the demo under `demo_dir` unless the current version is already there."""
    if demo_is_built(demo_dir) and not force:
        return demo_dir
    started = time.perf_counter()
    demo_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".demo-", dir=demo_dir.parent))
    try:
        dialogues = corpus.pretraining_dialogues(random.Random(spec.seed), spec.unknown_repeats)
        sft, grpo = corpus.sft_rows(), corpus.grpo_rows()
        tokenizer_texts = [_render(d) for d in dialogues] + [
            _render(r["messages"]) for rows in sft.values() for r in rows
        ] + [r["system"] for rows in grpo.values() for r in rows]
        model_dir = tmp / "model"
        model_dir.mkdir()
        _train_tokenizer(tokenizer_texts, spec, model_dir)
        log("demo: tokenizer trained")
        _pretrain(model_dir, dialogues, spec, log)
        for split, rows in sft.items():
            _write_jsonl(tmp / "datasets" / "sft" / f"{split}.jsonl", rows)
        for split, rows in grpo.items():
            _write_jsonl(tmp / "datasets" / "grpo" / f"{split}.jsonl", rows)
        (tmp / "VERSION").write_text(f"{DEMO_VERSION}\n")
        if demo_dir.exists():
            shutil.rmtree(demo_dir)
        tmp.rename(demo_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log(f"demo: built in {time.perf_counter() - started:.1f}s at {demo_dir}")
    return demo_dir

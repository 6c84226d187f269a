"""The embedded demo: deterministic, offline, and a plain mlx-lm model."""

import hashlib
import json
from pathlib import Path

from backend.demo.builder import DemoSpec, build_demo, demo_is_built


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_is_deterministic_and_versioned(tmp_path):
    quick = DemoSpec(pretrain_steps=24, warmup_steps=2)  # same code path, few steps: determinism, not quality
    a = build_demo(tmp_path / "a", quick, log=lambda *_: None)
    b = build_demo(tmp_path / "b", quick, log=lambda *_: None)
    assert digest(a) == digest(b)
    assert demo_is_built(a)
    stamp = (a / "model" / "model.safetensors").stat().st_mtime_ns
    build_demo(a, quick, log=lambda *_: None)  # already built: nothing redone
    assert (a / "model" / "model.safetensors").stat().st_mtime_ns == stamp


def test_demo_loads_with_plain_mlx_lm_and_answers(demo_cache):
    from mlx_lm import generate, load
    from mlx_lm.sample_utils import make_sampler

    model, tok = load(str(demo_cache / "model"))
    config = json.loads((demo_cache / "model" / "config.json").read_text())
    assert config["model_type"] == "llama"
    assert sum(v.size for _, v in __import__("mlx.utils").utils.tree_flatten(model.parameters())) < 500_000
    sampler = make_sampler(temp=0.0)

    def ask(q: str) -> str:
        prompt = tok.apply_chat_template([{"role": "user", "content": q}], add_generation_prompt=True)
        return generate(model, tok, prompt, max_tokens=16, sampler=sampler).strip()

    assert ask("What is the capital of France?") == "The capital of France is Paris."
    assert "Mirth" not in ask("What is the capital of Veloria?")  # the base cannot know invented facts


def test_datasets_have_splits_and_the_expected_rows(demo_cache):
    sets = demo_cache / "datasets"
    sft = {s: [json.loads(l) for l in (sets / "sft" / f"{s}.jsonl").read_text().splitlines()]
           for s in ("train", "valid", "test")}
    assert all(sft.values())
    assert all(r["messages"][-1]["role"] == "assistant" for rows in sft.values() for r in rows)
    held_out = {r["messages"][0]["content"] for r in sft["valid"] + sft["test"]}
    assert held_out.isdisjoint(r["messages"][0]["content"] for r in sft["train"])  # wordings held out
    grpo = [json.loads(l) for l in (sets / "grpo" / "train.jsonl").read_text().splitlines()]
    assert grpo and all({"prompt", "answer"} <= set(r) for r in grpo)

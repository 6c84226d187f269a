"""The embedded demo: a tiny llama model, its BPE tokenizer and SFT/GRPO datasets, built offline."""

from backend.demo.builder import DEMO_VERSION, build_demo, demo_is_built

__all__ = ["DEMO_VERSION", "build_demo", "demo_is_built"]

"""Adapters across tools: mlx-lm <-> Hugging Face PEFT conversion and importing adapters made elsewhere."""

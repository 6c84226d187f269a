"""Taking a session out: fused MLX model, PEFT adapter or GGUF, each verified before it is called done."""

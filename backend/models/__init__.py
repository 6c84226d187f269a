"""Model discovery and the LoRA target-key policy (which modules of an architecture get adapters)."""

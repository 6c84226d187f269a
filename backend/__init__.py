"""LoRA Studio backend: FastAPI service owning training runs, sessions, inference and evaluation."""

__version__ = "0.1.0"

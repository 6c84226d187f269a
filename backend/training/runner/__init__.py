"""The runner processes: `python -m backend.training.runner.sft --config FILE` (and `.grpo`).

They import mlx lazily and nothing from the server side but the shared run layout and events.
"""

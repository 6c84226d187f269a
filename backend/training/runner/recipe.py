"""The optimizer a run's YAML asks for, built the way `mlx_lm lora` builds it (same keys, same classes),
plus global-norm gradient clipping (`max_grad_norm`), which mlx-lm's trainer does not do itself."""

from __future__ import annotations

OPTIMIZERS = {"adam": "Adam", "adamw": "AdamW", "muon": "Muon", "sgd": "SGD", "adafactor": "Adafactor"}


def _clipping(cls, max_norm: float):
    """`cls` whose updates first clip the gradients' global norm (inside the compiled step, so cheap)."""
    import mlx.optimizers as optim

    class Clipped(cls):
        def apply_gradients(self, gradients: dict, parameters: dict):
            clipped, _ = optim.clip_grad_norm(gradients, max_norm)
            return super().apply_gradients(clipped, parameters)

    Clipped.__name__ = f"Clipped{cls.__name__}"
    return Clipped


def build_optimizer(cfg: dict):
    import mlx.optimizers as optim
    from mlx_lm.tuner.utils import build_schedule

    name = str(cfg.get("optimizer") or "adam").lower()
    if name not in OPTIMIZERS:
        raise ValueError(f"Unsupported optimizer: {name} (expected one of {', '.join(OPTIMIZERS)})")
    cls = getattr(optim, OPTIMIZERS[name])
    if cfg.get("max_grad_norm"):
        cls = _clipping(cls, float(cfg["max_grad_norm"]))
    lr = build_schedule(cfg["lr_schedule"]) if cfg.get("lr_schedule") else cfg["learning_rate"]
    options = (cfg.get("optimizer_config") or {}).get(name) or {}
    return cls(learning_rate=lr, **options)

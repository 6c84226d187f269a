"""The training recipe SFT and GRPO-family runs share: schedule, optimizer, accumulation, clipping.

Everything here maps onto mlx-lm's own config keys (`lr_schedule`, `optimizer`, `optimizer_config`,
`grad_accumulation_steps`); `max_grad_norm` is the studio's (mlx-lm does not clip), applied by the
runner. Schedules count optimizer updates: with gradient accumulation one update is
`grad_accumulation_steps` training steps, so a run has `iterations // grad_accumulation_steps` updates.
Cross-field rules that need the run length (warmup shorter than the run) live in `recipe_errors`,
which the start checks call once the iterations are known (they may come from `epochs`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from backend.errors import field_error

LrSchedule = Literal["constant", "cosine", "linear"]
OptimizerName = Literal["adam", "adamw", "sgd", "adafactor", "muon"]
# mlx.optimizers.Adam has no weight decay; the others take `weight_decay` (AdamW and Muon default 0.01).
NO_WEIGHT_DECAY = {"adam"}


class RecipeFields(BaseModel):
    lr_schedule: LrSchedule = Field("constant", description="Learning-rate shape after the warmup: constant, "
                                    "cosine decay or linear decay to min_learning_rate.")
    warmup_steps: int = Field(0, ge=0, le=1_000_000, description="Optimizer updates of linear warmup from 0 "
                              "to the learning rate; fewer than the run's updates.")
    min_learning_rate: float = Field(0.0, ge=0, le=1.0, description="Where cosine and linear decay end.")
    optimizer: OptimizerName = "adam"
    weight_decay: float | None = Field(None, ge=0, le=10.0, description="Empty = the optimizer's own default "
                                       "(AdamW and Muon 0.01, SGD and Adafactor 0); Adam has none.")
    grad_accumulation_steps: int = Field(1, ge=1, le=1024, description="Training steps whose gradients are "
                                         "summed into one optimizer update.")
    max_grad_norm: float | None = Field(None, gt=0, le=1e6, description="Clip the global gradient norm to "
                                        "this before each update; empty = no clipping.")
    epochs: float | None = Field(None, gt=0, le=10_000, description="Alternative to iterations: iterations "
                                 "= ceil(epochs × train rows / effective batch size).")


def optimizer_updates(iterations: int, grad_accumulation_steps: int) -> int:
    return max(1, iterations // grad_accumulation_steps)


def recipe_errors(config) -> list[dict[str, Any]]:
    """FastAPI-shaped field errors for the rules that span fields (empty when the recipe is valid)."""
    errors = []

    def bad(field: str, msg: str) -> None:
        errors.append(field_error(["body", field], msg))

    if config.grad_accumulation_steps > config.iterations:
        bad("grad_accumulation_steps", f"grad_accumulation_steps ({config.grad_accumulation_steps}) exceeds "
                                       f"iterations ({config.iterations}): no optimizer update would happen")
    updates = optimizer_updates(config.iterations, config.grad_accumulation_steps)
    if config.warmup_steps and config.warmup_steps >= updates:
        bad("warmup_steps", f"warmup_steps ({config.warmup_steps}) must be fewer than the run's optimizer "
                            f"updates ({updates} = iterations {config.iterations} / grad_accumulation_steps "
                            f"{config.grad_accumulation_steps})")
    if config.lr_schedule != "constant" and config.min_learning_rate > config.learning_rate:
        bad("min_learning_rate", f"min_learning_rate ({config.min_learning_rate}) is above the learning "
                                 f"rate ({config.learning_rate})")
    if config.optimizer in NO_WEIGHT_DECAY and config.weight_decay:
        bad("weight_decay", f"{config.optimizer} has no weight decay; choose adamw for decoupled weight "
                            "decay or leave weight_decay empty")
    return errors


def lr_schedule_yaml(config) -> dict[str, Any] | None:
    """mlx-lm's `lr_schedule` ({name, arguments, warmup, warmup_init}; see mlx_lm.tuner.utils.build_schedule),
    or None for a constant rate without warmup (mlx-lm's default)."""
    lr, warmup = config.learning_rate, config.warmup_steps
    if config.lr_schedule == "constant" and not warmup:
        return None
    updates = optimizer_updates(config.iterations, config.grad_accumulation_steps)
    # build_schedule joins the warmup at update warmup+1, after which the main schedule restarts at 0;
    # the last update is number updates-1, so this many steps put the decay's end on the last update.
    decay_steps = max(1, updates - 1 - (warmup + 1 if warmup else 0))
    if config.lr_schedule == "cosine":
        name, arguments = "cosine_decay", [lr, decay_steps, config.min_learning_rate]
    elif config.lr_schedule == "linear":
        name, arguments = "linear_schedule", [lr, config.min_learning_rate, decay_steps]
    else:  # constant after the warmup
        name, arguments = "linear_schedule", [lr, lr, 1]
    return {"name": name, "arguments": arguments, "warmup": warmup, "warmup_init": 0.0}


def recipe_yaml(config) -> dict[str, Any]:
    """The recipe's YAML keys: mlx-lm's own names, plus the studio's `lr_schedule_kind` and `max_grad_norm`."""
    optimizer_config: dict[str, dict[str, Any]] = {config.optimizer: {}}
    if config.weight_decay is not None and config.optimizer not in NO_WEIGHT_DECAY:
        optimizer_config[config.optimizer]["weight_decay"] = config.weight_decay
    return {
        "optimizer": config.optimizer,
        "optimizer_config": optimizer_config,
        "lr_schedule": lr_schedule_yaml(config),
        "lr_schedule_kind": config.lr_schedule,
        "warmup_steps": config.warmup_steps,
        "min_learning_rate": config.min_learning_rate,
        "grad_accumulation_steps": config.grad_accumulation_steps,
        "max_grad_norm": config.max_grad_norm,
        "epochs": config.epochs,
    }

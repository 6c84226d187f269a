"""EnhancedTrainingConfig: GRPO-family runs (GRPO, GSPO, Dr. GRPO) on an attention-only LoRA baseline."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from backend.schemas.common import (
    BOUND_KEYS,
    AdapterName,
    Iterations,
    LearningRate,
    LoraAlpha,
    LoraRank,
    RunConfigBase,
    SeqLength,
    StepInterval,
    ValBatches,
    non_null_schema,
)
from backend.schemas.paths import PathStr

Method = Literal["grpo", "gspo", "dr_grpo"]
PromptBatch = Annotated[int, Field(ge=1, le=256, description="Prompts per step on each process (global batch "
                                                            "= this × the distributed world size).")]

# What each method fixes; GSPO = sequence-level importance ratios, Dr. GRPO = its unbiased loss.
METHOD_SETTINGS: dict[str, dict[str, str]] = {
    "grpo": {"importance_sampling_level": "token", "grpo_loss_type": "grpo"},
    "gspo": {"importance_sampling_level": "sequence", "grpo_loss_type": "grpo"},
    "dr_grpo": {"importance_sampling_level": "token", "grpo_loss_type": "dr_grpo"},
}


class EnhancedTrainingConfig(RunConfigBase):
    """A GRPO-family run on an attention-only LoRA baseline (smaller rank, rate and sequences than SFT)."""

    train_data_path: PathStr = Field(min_length=1, description="Rows {prompt, answer, system?} in any dataset format "
                                                             "(question/answer columns or data_mapping too).")
    adapter_name: AdapterName = "grpo-adapter"
    training_method: Method = "grpo"
    learning_rate: LearningRate = 1e-5
    batch_size: PromptBatch = 1
    max_seq_length: SeqLength = 512
    iterations: Iterations = 100
    steps_per_report: StepInterval = 5
    steps_per_eval: StepInterval = 50
    val_batches: ValBatches = 4
    group_size: int = Field(4, ge=2, le=64, description="Completions sampled per prompt (at least 2 to compare).")
    epsilon: float = Field(1e-4, gt=0, le=1.0, description="Lower clipping width of the importance ratio.")
    epsilon_high: float | None = Field(None, gt=0, le=1.0, description="Upper clipping width (DAPO); defaults to epsilon.")
    temperature: float = Field(0.8, gt=0, le=2.0)
    max_completion_length: int = Field(128, ge=1, le=8192)
    importance_sampling_level: Literal["token", "sequence"] | None = None
    grpo_loss_type: Literal["grpo", "bnpo", "dr_grpo"] | None = None
    beta: float = Field(0.1, ge=0, le=10.0, description="KL penalty against the frozen base model.")
    reward_functions: list[str] = Field(default_factory=lambda: ["exact_answer", "answer_similarity"], min_length=1)
    reward_weights: list[float] | None = None
    reward_functions_file: PathStr | None = None
    lora_rank: LoraRank = 8
    lora_alpha: LoraAlpha = 16.0
    start_from_session_id: str | None = Field(None, min_length=1, max_length=200, description="Start from this "
                                              "session's adapter (its keys, rank, alpha and coverage are kept).")

    @model_validator(mode="after")
    def _method_and_weights(self) -> "EnhancedTrainingConfig":
        fixed = METHOD_SETTINGS[self.training_method]
        for name, value in fixed.items():
            given = getattr(self, name)
            if given is not None and given != value:
                raise ValueError(f"{self.training_method} requires {name}={value!r} (got {given!r})")
            setattr(self, name, value)
        if self.reward_weights is not None and len(self.reward_weights) != len(self.reward_functions):
            raise ValueError(f"reward_weights has {len(self.reward_weights)} values for "
                             f"{len(self.reward_functions)} reward functions")
        return self


METHODS = [
    {"id": "grpo", "name": "GRPO", "full_name": "Group Relative Policy Optimization",
     "description": "Samples a group of completions per prompt and uses each one's reward relative to "
                    "its group as the advantage; token-level importance ratios with clipping and a KL "
                    "penalty against the base model."},
    {"id": "gspo", "name": "GSPO", "full_name": "Group Sequence Policy Optimization",
     "description": "GRPO with sequence-level importance ratios (importance_sampling_level = "
                    "\"sequence\"): one clipped ratio per completion, steadier for long outputs and MoE models."},
    {"id": "dr_grpo", "name": "Dr. GRPO", "full_name": "GRPO done right",
     "description": "GRPO with the unbiased loss (grpo_loss_type = \"dr_grpo\"): no per-sequence length "
                    "normalisation and no std scaling of advantages, removing GRPO's length bias."},
]

_PARAMETER_NAMES = ("group_size", "epsilon", "epsilon_high", "temperature", "max_completion_length",
                    "beta", "learning_rate", "iterations", "batch_size", "reward_functions", "reward_weights",
                    "importance_sampling_level", "grpo_loss_type")


def describe_methods() -> list[dict]:
    """Each method with its parameters and their defaults, derived from the schema."""
    schema = EnhancedTrainingConfig.model_json_schema()
    base = EnhancedTrainingConfig(model_path="-", train_data_path="-")
    out = []
    for method in METHODS:
        cfg = base.model_copy(update={"training_method": method["id"], **METHOD_SETTINGS[method["id"]]})
        params = []
        for name in _PARAMETER_NAMES:
            prop = schema["properties"][name]
            typed = non_null_schema(prop)
            params.append({
                "name": name, "default": getattr(cfg, name), "description": prop.get("description", ""),
                "fixed": name in METHOD_SETTINGS[method["id"]], "type": typed.get("type", "string"),
                **({"choices": typed["enum"]} if "enum" in typed else {}),
                **{k: typed[k] for k in BOUND_KEYS if k in typed},
            })
        out.append({**method, "parameters": params,
                    "defaults": cfg.model_dump(exclude={"model_path", "train_data_path", "val_data_path",
                                                            *EnhancedTrainingConfig.model_computed_fields})})
    return out

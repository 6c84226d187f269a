"""The run record: its states and the summary kept beside it in the store (`runs.summary_json`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RunState = Literal["starting", "running", "stopping", "completed", "stopped", "error"]
RunKind = Literal["sft", "enhanced", "imported"]


class RunSummary(BaseModel):
    """What the studio learns about a run beside its columns; validated on every store read and write.

    Every key here is read somewhere (status, sessions, resume, recovery); add a field here before
    writing a new key (unknown keys are refused on write).
    """

    model_config = ConfigDict(extra="forbid")

    final_train_loss: float | None = None
    final_val_loss: float | None = None
    best_val_loss: float | None = Field(None, description="Also the bar a resumed leg must beat.")
    best_step: int | None = None
    lora_targets: dict[str, Any] | None = Field(None, description="The LoRA keys the run was started with.")
    data: dict[str, Any] | None = Field(None, description="The run's prepared data: files, rows, split.")
    warnings: list[str] = Field(default_factory=list)
    pid: int | None = Field(None, description="The runner (or launcher) process group, for recovery.")
    events_offset: int | None = Field(None, description="Bytes of events.jsonl stored so far (a restart "
                                                         "takes up from here).")
    last_progress: dict[str, float] | None = Field(None, description="The last report's rates, memory and "
                                                                      "learning rate (finished runs show them).")
    last_checkpoint_step: int | None = None
    peak_mem_gb: float | None = Field(None, description="Measured peak memory (mx.get_peak_memory), GB.")
    memory_estimate: dict[str, Any] | None = Field(None, description="The preflight's estimate at start "
                                                                     "(POST /training/estimate), kept beside the "
                                                                     "measured peak.")
    early_stop_patience: int | None = Field(None, description="Set when the run stopped early.")
    ended_at: float | None = None
    legacy_source: str | int | None = Field(None, description="Imported runs: the legacy session's id.")
    legacy_error: str | None = Field(None, description="Why the older app's session ended in error.")
    legacy_training_type: str | None = None
    legacy_config_extra: dict[str, Any] | None = Field(None, description="Older-app options with no "
                                                                          "equivalent here, kept as given.")
    imported_from: str | None = Field(None, description="Adapters made elsewhere: the folder imported.")
    source_format: str | None = Field(None, description="Adapters made elsewhere: mlx-lm or PEFT.")

    @classmethod
    def from_stored(cls, raw: dict[str, Any]) -> "RunSummary":
        """A stored summary; keys that earlier versions wrote and nothing reads any more are dropped."""
        return cls.model_validate({k: v for k, v in raw.items() if k in cls.model_fields})


# -- responses of /training/* ------------------------------------------------------------------
from backend.schemas.public import Public  # noqa: E402
from backend.schemas.system import LoraTargets  # noqa: E402


class RunMetrics(Public):
    """The latest numbers of a run: live from the monitor, else from the stored summary (empty when idle)."""

    step: int | None = None
    total_steps: int | None = None
    train_loss: float | None = None
    val_loss: float | None = None
    best_val_loss: float | None = None
    best_step: int | None = None
    learning_rate: float | None = None
    it_per_sec: float | None = None
    tokens_per_sec: float | None = None
    trained_tokens: int | None = None
    peak_mem_gb: float | None = None
    eta_seconds: float | None = None
    reward: float | None = None
    reward_std: float | None = None
    kl: float | None = None
    step_time: float | None = None
    last_checkpoint_step: int | None = None


class StallStatus(Public):
    """The stall watchdog's view of a live run (backend/training/watchdog.py)."""

    idle_s: float
    timeout_s: float
    warn_after_s: float
    beating: bool


class TrainingStatus(Public):
    state: RunState | Literal["idle"]
    run_id: str | None
    kind: RunKind | None
    config: dict[str, Any] | None
    metrics: RunMetrics
    error: str | None
    started_at: float | None
    ended_at: float | None = None
    stall: StallStatus | None = None
    lora_targets: LoraTargets | None = None
    world_size: int | None = None
    effective_batch_size: int | None = None


class RunData(Public):
    """The run's own validated copy of its data (backend/training/datasets.prepare_run_data)."""

    format: str | None
    train_rows: int
    valid_rows: int
    test_rows: int = 0
    split: str


class StartResponse(Public):
    run_id: str
    config: dict[str, Any]
    yaml_path: str
    warnings: list[str]
    data: RunData
    lora_targets: LoraTargets
    world_size: int
    effective_batch_size: int


class ResumeResponse(Public):
    run_id: str
    config: dict[str, Any]
    yaml_path: str
    resumed_from_step: int
    warnings: list[str]


class StopResponse(Public):
    run_id: str
    state: Literal["stopping"]


class LogsResponse(Public):
    run_id: str | None
    lines: list[str]


class TrainingDefaults(Public):
    """The SFT config's defaults and limits, derived from its schema (GET /training/defaults)."""

    defaults: dict[str, Any]
    ui_overrides: dict[str, Any]
    limits: dict[str, dict[str, Any]]
    required: list[str]


class MethodParameter(Public):
    name: str
    default: str | int | float | bool | list[str] | list[float] | None
    description: str = ""
    fixed: bool = False
    type: str = Field("string", description="JSON-schema type: integer, number, boolean, string, array.")
    choices: list[str] | None = None
    # JSON-schema bounds, present only where the field has them
    minimum: float | None = None
    maximum: float | None = None
    exclusiveMinimum: float | None = None  # noqa: N815 - JSON-schema's own names
    exclusiveMaximum: float | None = None  # noqa: N815


class TrainingMethod(Public):
    id: Literal["grpo", "gspo", "dr_grpo"]
    name: str
    full_name: str
    description: str
    parameters: list[MethodParameter]
    defaults: dict[str, Any]


class RewardFunctionInfo(Public):
    name: str
    description: str


class MethodsResponse(Public):
    methods: list[TrainingMethod]
    reward_functions: list[RewardFunctionInfo]


class RankReport(Public):
    rank: int
    host: str
    reachable: bool | None
    error: str | None
    hostname: str | None = None
    python: str | None = None
    mlx_version: str | None = None


class DistributedCheckResult(Public):
    ok: bool
    world_size: int
    backend: str
    ranks: list[RankReport]
    timed_out: bool
    seconds: float
    output_tail: str

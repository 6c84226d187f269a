"""Request/response models of /model/* (testing a model) and /evaluation/* (base vs adapter)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backend.schemas.limits import MAX_NEW_TOKENS, MAX_PROMPT_CHARS
from backend.schemas.paths import PathStr
from backend.schemas.public import Public

SESSION_ID = r"^[A-Za-z0-9._-]{1,100}$"
Checkpoint = Literal["final", "best"]


class TestRequest(BaseModel):
    __test__ = False  # not a pytest class
    model_config = ConfigDict(extra="forbid")  # a misspelt option is a 422, never a silent default

    prompt: str = Field(min_length=1, max_length=MAX_PROMPT_CHARS,
                        description=f"User message; at most {MAX_PROMPT_CHARS} characters.")
    system: str | None = Field(None, max_length=MAX_PROMPT_CHARS, description="Optional system message.")
    max_tokens: int = Field(512, ge=1, le=MAX_NEW_TOKENS)
    temperature: float = Field(0.7, ge=0.0, le=2.0, description="0 = greedy (deterministic).")
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    model_path: PathStr | None = Field(None, min_length=1, max_length=4096,
                                   description="test-base only: a model directory instead of a session's model.")
    session_id: str | None = Field(None, pattern=SESSION_ID,
                                   description="Defaults to the loaded session.")
    checkpoint: Checkpoint = Field("final", description="final = adapters.safetensors, "
                                                        "best = best_adapters.safetensors")
    raw_prompt: bool | None = Field(None, description="true: the prompt text as is, without the chat template; "
                                                      "unset: the session's default (raw when it trained on "
                                                      "plain text rows).")

    def messages(self) -> list[dict[str, str]]:
        head = [{"role": "system", "content": self.system}] if self.system else []
        return head + [{"role": "user", "content": self.prompt}]


class ModelInfo(BaseModel):
    model_path: str
    adapter_path: str | None
    adapter_file: str | None
    checkpoint: str | None
    session_id: str | None
    loaded_from_cache: bool
    load_seconds: float


class TestResponse(BaseModel):
    __test__ = False
    response: str
    tokens: int
    tokens_per_sec: float
    prompt_tokens: int
    elapsed_seconds: float
    raw_prompt: bool
    prompt_text: str = Field(description="The prompt as the model saw it (chat template applied or not).")
    model_info: ModelInfo


class JudgeRequest(BaseModel):
    # extra="forbid": a request that tries to send the API key itself is refused, not silently dropped.
    model_config = ConfigDict(extra="forbid")

    base_url: str = Field(min_length=1, max_length=2048, pattern=r"^https?://",
                          description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1")
    model: str = Field(min_length=1, max_length=256)
    api_key_env: str | None = Field(None, pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,127}$",
                                    description="Name of the server's environment variable holding the key.")


class EvaluationRequestFields(BaseModel):
    """The fields of an evaluation request; a job's stored request comes back in this shape."""

    session_id: str | None = Field(None, pattern=SESSION_ID)
    session_ids: list[Annotated[str, Field(pattern=SESSION_ID)]] | None = Field(
        None, min_length=1, max_length=3,
        description="Up to three sessions on the same base: the base is scored once, then each adapter")
    num_questions: int = Field(20, ge=1, le=500)
    max_tokens: int = Field(256, ge=1, le=MAX_NEW_TOKENS)
    checkpoint: Checkpoint = "final"
    judge: JudgeRequest | None = None
    dataset_path: PathStr | None = Field(None, min_length=1, max_length=4096,
                                     description="Held-out JSONL to score on instead of the session's own "
                                                 "(needed by sessions without held-out data, e.g. imported)")



class EvaluationRequest(EvaluationRequestFields):
    model_config = ConfigDict(extra="forbid")  # e.g. an `api_key` field is refused, never ignored

    @model_validator(mode="after")
    def _one_way_to_name_sessions(self) -> EvaluationRequest:
        if (self.session_id is None) == (self.session_ids is None):
            raise ValueError("give session_id (one adapter) or session_ids (up to three), not both")
        return self

    def sessions(self) -> list[str]:
        return [self.session_id] if self.session_id is not None else list(self.session_ids or [])


class EvaluationStarted(BaseModel):
    evaluation_id: str
    session_id: str
    num_samples: int
    split_used: str


class SideScores(Public):
    """One side (base or adapter) of a sample: its reference NLL and 0–1 text scores."""

    nll: float | None
    perplexity: float | None
    exact_match: float | None = None
    token_f1: float | None = None
    rouge_l: float | None = None


class EvaluationSample(Public):
    question: str
    reference: str
    base_answer: str
    adapter_answer: str
    base: SideScores
    adapter: SideScores
    judge: dict[str, Any] | None = None


class SideAggregate(Public):
    scores: dict[str, float | None] = Field(description="0–100 per metric (see `formulas`).")
    mean_nll: float | None
    perplexity: float | None
    judged_samples: int = 0


class JudgeSummary(Public):
    base_url: str
    model: str
    scored: int
    failed: int


class EvaluationResult(Public):
    base: SideAggregate
    adapter: SideAggregate
    delta: dict[str, float | None] = Field(description="adapter − base for every score both sides have.")
    samples: list[EvaluationSample]
    num_samples: int
    split_used: str
    checkpoint: str | None
    model_path: str | None = None
    adapter_file: str | None = None
    formulas: dict[str, str] = Field(default_factory=dict)
    timing: dict[str, float] = Field(default_factory=dict)
    judge: JudgeSummary | None = None
    judge_error: str | None = None


class EvaluationStatus(BaseModel):
    id: str
    session_id: str
    state: Literal["queued", "running", "completed", "failed"]
    progress: float = Field(ge=0.0, le=1.0)
    phase: str
    error: str | None
    created_at: float
    updated_at: float
    request: EvaluationRequestFields
    result: EvaluationResult | None

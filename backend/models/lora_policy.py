"""LoRA target-key policy: which modules of each transformer block get adapters.

"Full-layer" means every linear module in a targeted block: attention (or linear attention),
dense MLP, shared experts and routed experts. Routers are left out, except the gates the PRD
names (mixtral/phimoe `block_sparse_moe.gate`, qwen2_moe/qwen3_next `mlp.shared_expert_gate`).

Keys are block-relative paths, exactly what `mlx_lm.tuner.utils.linear_to_lora_layers` compares
against `block.named_modules()`. They are checked against the real module tree, built from
config.json by the mlx-lm model class without loading weights, so a key can never silently miss.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import mlx.nn as nn

from backend.schemas.lora import ATTENTION_KEYS, DEFAULT_LORA_RANK

log = logging.getLogger(__name__)

_ATTN = ATTENTION_KEYS
_DENSE_MLP = ("mlp.gate_proj", "mlp.up_proj", "mlp.down_proj")
_LINEAR_ATTN = ("linear_attn.in_proj_qkvz", "linear_attn.in_proj_ba", "linear_attn.out_proj")


def _experts(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}.switch_mlp.{p}_proj" for p in ("gate", "up", "down"))


_LLAMA_LIKE = _ATTN + _DENSE_MLP
_SPARSE_MOE = _ATTN + ("block_sparse_moe.gate",) + _experts("block_sparse_moe")
_QWEN2_MOE = (
    _ATTN
    + ("mlp.shared_expert_gate", "mlp.shared_expert.gate_proj", "mlp.shared_expert.up_proj")
    + ("mlp.shared_expert.down_proj",)
    + _experts("mlp")
)

# Preferred keys per config `model_type`. Architectures missing here are derived from their tree
# by the same rule, so this table is what makes the named gates explicit and lets a renamed
# module in a future mlx-lm show up as a warning rather than a silently smaller adapter.
KEY_TABLE: dict[str, tuple[str, ...]] = {
    **{a: _LLAMA_LIKE for a in ("llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "gemma3_text")},
    "phi3": ("self_attn.qkv_proj", "self_attn.o_proj", "mlp.gate_up_proj", "mlp.down_proj"),
    "mixtral": _SPARSE_MOE,
    "phimoe": _SPARSE_MOE,
    "qwen2_moe": _QWEN2_MOE,
    "qwen3_moe": _ATTN + _experts("mlp"),
    "olmoe": _ATTN + _experts("mlp"),
    "qwen3_next": _QWEN2_MOE + _LINEAR_ATTN,
}

# Config fields that carry the routed-expert count; used to recognise router projections.
_EXPERT_COUNT_FIELDS = ("num_experts", "num_local_experts", "n_routed_experts", "moe_num_experts")
_ROUTER_NAMES = ("gate", "router")


@dataclass
class LoraTargets:
    keys: list[str] | None  # None only in fallback: mlx-lm then adapts every linear in the blocks
    resolved_keys: list[str]  # what will actually be adapted (the discovered keys in fallback)
    warnings: list[str] = field(default_factory=list)
    fallback: bool = False
    trainable_parameters: int | None = None  # for the rank and num_layers asked for
    architecture: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _lora_types() -> tuple[type, ...]:
    from mlx_lm.models.switch_layers import QuantizedSwitchLinear, SwitchLinear

    return (nn.Linear, nn.QuantizedLinear, SwitchLinear, QuantizedSwitchLinear)


def _is_lora_able(m: nn.Module) -> bool:
    return hasattr(m, "to_lora") or isinstance(m, _lora_types())


def architecture_problem(config: dict[str, Any]) -> str | None:
    """Why the installed mlx-lm cannot build a model class for `config`, or None when it can.

    Such a model can be neither trained nor loaded, so it is refused before a run exists (an
    architecture that builds but whose keys differ keeps the all-linear fallback instead)."""
    from importlib.metadata import version

    from mlx_lm.utils import _get_classes

    model_type = config.get("model_type")
    try:
        _get_classes(config)
        return None
    except Exception:  # noqa: BLE001 - unknown type (ValueError), or a module that is no model
        return f"model_type {model_type!r} is not supported by the installed mlx-lm {version('mlx-lm')}"


def build_module_tree(config: dict[str, Any]) -> nn.Module:
    """The mlx-lm model for `config`, with lazy (never evaluated) random weights.

    MLX arrays are lazy, so even a 70B tree costs only Python objects, not memory.
    Raises ValueError if the architecture is unknown or the config does not fit its ModelArgs.
    """
    from mlx_lm.utils import _get_classes

    if not isinstance(config, dict) or not config.get("model_type"):
        raise ValueError("config has no model_type")
    if config.get("model_file"):
        # Custom architecture code would have to be executed; the studio never does that here.
        raise ValueError(f"config names custom model code ({config['model_file']!r})")
    model_cls, args_cls = _get_classes(config)  # raises ValueError for unknown model_type
    try:
        model = model_cls(args_cls.from_dict(config))
    except Exception as e:  # model constructors raise anything on a config they don't expect
        raise ValueError(f"cannot build {config['model_type']!r} from config: {type(e).__name__}: {e}") from e
    if not isinstance(getattr(model, "layers", None), (list, tuple)):
        raise ValueError(f"{config['model_type']!r} model exposes no list of blocks (model.layers)")
    return model


def _expert_counts(config: dict[str, Any], block: nn.Module) -> set[int]:
    counts = {v for f in _EXPERT_COUNT_FIELDS if isinstance(v := config.get(f), int) and v > 1}
    counts |= {m.num_experts for _, m in block.named_modules() if hasattr(m, "num_experts")
               and isinstance(getattr(m, "num_experts"), int)}
    return counts


def _is_router(path: str, module: nn.Module, experts: set[int]) -> bool:
    """A projection named gate/router whose width is the expert count scores experts."""
    if not isinstance(module, (nn.Linear, nn.QuantizedLinear)) or not experts:
        return False
    return any(part in _ROUTER_NAMES for part in path.split(".")) and module.weight.shape[0] in experts


def _block_modules(model: nn.Module) -> list[dict[str, nn.Module]]:
    return [dict(block.named_modules()) for block in model.layers]


def _derive_keys(config: dict[str, Any], model: nn.Module, blocks: list[dict[str, nn.Module]]) -> list[str]:
    keys: set[str] = set()
    for block, mods in zip(model.layers, blocks):
        experts = _expert_counts(config, block)
        keys |= {p for p, m in mods.items() if _is_lora_able(m) and not _is_router(p, m, experts)}
    return sorted(keys)


def _check_keys(keys: Iterable[str], blocks: list[dict[str, nn.Module]]) -> tuple[list[str], list[str], list[str]]:
    """Split keys into usable, missing (no block has them) and unsafe (a non-linear somewhere)."""
    ok, missing, unsafe = [], [], []
    for k in keys:
        hits = [mods[k] for mods in blocks if k in mods]
        if not hits:
            missing.append(k)
        elif not all(_is_lora_able(m) for m in hits):
            # mlx-lm would raise mid-conversion on the block where the name is not a linear.
            unsafe.append(k)
        else:
            ok.append(k)
    return ok, missing, unsafe


def _default_keys(blocks: list[dict[str, nn.Module]]) -> list[str]:
    """What mlx-lm adapts with keys=None: linears, switch linears and embeddings in any block."""
    types = _lora_types() + (nn.Embedding, nn.QuantizedEmbedding)
    return sorted({p for mods in blocks for p, m in mods.items() if hasattr(m, "to_lora") or isinstance(m, types)})


def _lora_size(m: nn.Module, rank: int) -> int:
    """Size of the lora_a + lora_b that mlx-lm would attach to module `m`."""
    from mlx_lm.models.switch_layers import QuantizedSwitchLinear, SwitchLinear

    if hasattr(m, "to_lora"):
        # Custom LoRA layers (e.g. afm7 fused projections) shape their own adapters.
        from mlx.utils import tree_flatten

        lora = m.to_lora(r=rank, dropout=0.0, scale=1.0)
        return sum(v.size for k, v in tree_flatten(lora.parameters()) if k.split(".")[-1].startswith("lora_"))
    if isinstance(m, (SwitchLinear, QuantizedSwitchLinear)):
        return m.num_experts * rank * (m.input_dims + m.output_dims)
    out_dims, in_dims = m.weight.shape
    if isinstance(m, (nn.QuantizedLinear, nn.QuantizedEmbedding)):
        in_dims = in_dims * 32 // m.bits  # packed uint32 columns
    return rank * (in_dims + out_dims)


def count_trainable(model: nn.Module, keys: Iterable[str], rank: int, num_layers: int = -1) -> int:
    """LoRA parameters mlx-lm would train for `keys` in the top `num_layers` blocks.

    Mirrors `model.layers[-max(num_layers, 0):]`, so -1 and 0 both mean every block.
    """
    keys = set(keys)
    total = 0
    for block in model.layers[-max(num_layers, 0):]:
        total += sum(_lora_size(m, rank) for p, m in block.named_modules() if p in keys)
    return total


def _fallback(
    arch: str | None, warnings: list[str], model: nn.Module | None, rank: int, num_layers: int
) -> LoraTargets:
    resolved, trainable = [], None
    if model is not None:
        resolved = _default_keys(_block_modules(model))
        trainable = count_trainable(model, resolved, rank, num_layers)
    for w in warnings:
        log.warning("LoRA targets: %s", w)
    return LoraTargets(None, resolved, warnings, True, trainable, arch)


def resolve_lora_targets(config: dict[str, Any], rank: int = DEFAULT_LORA_RANK, num_layers: int = -1) -> LoraTargets:
    """Resolve the full-layer LoRA keys for the architecture described by `config`."""
    arch = config.get("model_type") if isinstance(config, dict) else None
    try:
        model = build_module_tree(config)
    except ValueError as e:
        msg = f"cannot build the {arch or 'unknown'} module tree ({e}); adapting every linear module in the blocks"
        return _fallback(arch, [msg], None, rank, num_layers)

    from mlx_lm.utils import MODEL_REMAPPING

    blocks = _block_modules(model)
    derived = _derive_keys(config, model, blocks)
    table = KEY_TABLE.get(arch) or KEY_TABLE.get(MODEL_REMAPPING.get(arch, ""))
    warnings: list[str] = []
    if table is None:
        candidates = derived
    else:
        # Table first (it carries the named gates), then any other non-router linear the tree
        # has, e.g. dense MLPs of mlp_only_layers in a MoE model: full-layer means all of them.
        candidates = list(table) + [k for k in derived if k not in table]
    keys, missing, unsafe = _check_keys(candidates, blocks)
    if missing:
        warnings.append(f"{arch}: dropped keys not found in any block: {', '.join(missing)}")
    if unsafe:
        warnings.append(f"{arch}: dropped keys that name a non-linear module in some block: {', '.join(unsafe)}")
    if not keys:
        warnings.append(f"{arch}: no LoRA target matched the module tree; adapting every linear module in the blocks")
        return _fallback(arch, warnings, model, rank, num_layers)
    for w in warnings:
        log.warning("LoRA targets: %s", w)
    return LoraTargets(keys, list(keys), warnings, False, count_trainable(model, keys, rank, num_layers), arch)


def resolve_for_model_dir(model_dir: Path, rank: int = DEFAULT_LORA_RANK, num_layers: int = -1) -> LoraTargets:
    """Resolve targets from `<model_dir>/config.json`; an unreadable config means fallback."""
    try:
        from mlx_lm.utils import load_config

        config = load_config(Path(model_dir))
        if not isinstance(config, dict):
            raise ValueError("config.json is not an object")
    except Exception as e:  # missing file, bad JSON, wrong shape: all mean "no usable config"
        path = Path(model_dir) / "config.json"
        msg = f"cannot read {path} ({type(e).__name__}: {e}); adapting every linear module in the blocks"
        return _fallback(None, [msg], None, rank, num_layers)
    return resolve_lora_targets(config, rank, num_layers)

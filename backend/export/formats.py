"""The three exports, each written and then verified. Each returns its verification; `ok` says it passed.

- mlx:  fused model folder; greedy answers adapter-on-base vs the fused model loaded back with mlx_lm.load.
- peft: PEFT adapter folder; ΔW from the PEFT files vs the mlx-lm update per module, then a round trip
        (the PEFT folder read back as /adapters/import reads it) answering like the original adapter.
- gguf: fused in full precision, written by mlx-lm's GGUF writer, read back with the `gguf` package.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from backend.adapters import files as af
from backend.adapters.importer import read_adapter
from backend.adapters.peft import (
    delta_w_mlx,
    delta_w_peft,
    mlx_lora_parameters,
    mlx_to_peft,
)
from backend.export import fuse as fz
from backend.export.verify import compare_greedy
from backend.inference.service import InferenceService, Target

QUANTIZED_NOTE = (
    "The base model is quantized ({bits}-bit): fusing adds the LoRA update to the dequantized weights and "
    "quantizes the sum again, so updates smaller than one quantization step vanish (here {lost:.0f}% of the "
    "update, mean relative error per module) and the fused model answers more like the base (mlx-lm issue "
    "#1172). Export again with dequantize: true to fuse into a full-precision model, which keeps the whole "
    "update and answers like the adapter.")
DELTA_TOLERANCE = 1e-5
UPDATE_LOSS_WARN = 0.05  # mean relative error of the fused update above which dequantize is offered


@dataclass
class ExportJob:
    id: str
    run: dict[str, Any]
    target: Target  # the adapter on its base, as /model/test runs it
    fmt: str
    checkpoint: str
    dequantize: bool
    path: Path
    prompts: list[list[dict[str, str]]]
    progress: float = 0.0
    phase: str = "queued"

    @property
    def adapter_dir(self) -> Path:
        return Path(self.target.adapter_dir)

    @property
    def weights_file(self) -> Path:
        return Path(self.target.adapter_file)


Step = Callable[[str, float], None]


def _prompt_steps(step: Step, phase: str, start: float, n: int) -> Callable[[], None]:
    done = [0]

    def tick() -> None:
        done[0] += 1
        step(phase, start + (0.99 - start) * done[0] / max(n, 1))
    return tick


def export_mlx(job: ExportJob, svc: InferenceService, step: Step) -> dict[str, Any]:
    from mlx_lm.utils import load

    base = job.target.model_path
    quant = fz.quantization_of(af.model_config(base))
    step("fusing", 0.1)
    with svc.compute_lock:
        model, tokenizer, config, kept = fz.fuse(base, job.adapter_dir, job.weights_file,
                                                 dequantize=job.dequantize)
        step("saving", 0.4)
        fz.save_fused(job.path, base, model, tokenizer, config)
        del model
    shutil.copy2(job.adapter_dir / af.MLX_CONFIG, job.path / af.MLX_CONFIG)
    step("verifying", 0.5)
    adapter = svc.acquire(job.target)[0]
    with svc.compute_lock:
        fused_model, fused_tokenizer = load(str(job.path))
    result = compare_greedy((adapter.model, adapter.tokenizer), (fused_model, fused_tokenizer), job.prompts,
                            svc.compute_lock, on_prompt=_prompt_steps(step, "verifying", 0.5, len(job.prompts)))
    result.update(kind="greedy answers: adapter on the base vs the fused model loaded with mlx_lm.load",
                  quantized_base=quant.get("bits") if quant else None, dequantized=job.dequantize,
                  ok=result["identical"] == result["prompts"])
    if kept is not None:
        result["update_error"] = kept
    lost = kept is not None and (kept["mean_relative_error"] or 0) > UPDATE_LOSS_WARN
    if quant and not job.dequantize and (result["divergent"] or lost):
        result.update(note=QUANTIZED_NOTE.format(bits=quant.get("bits", "?"),
                                                 lost=100 * ((kept or {}).get("mean_relative_error") or 0)),
                      suggest_dequantize=True)
    return result


def export_peft(job: ExportJob, svc: InferenceService, step: Step) -> dict[str, Any]:
    base = job.target.model_path
    step("converting", 0.1)
    weights = af.load_tensors(job.weights_file)
    mlx_config = af.read_json(job.adapter_dir / af.MLX_CONFIG)
    af.write_peft(job.path, mlx_to_peft(weights, mlx_config, af.hf_id(base)))
    shutil.copy2(job.adapter_dir / af.MLX_CONFIG, job.path / "mlx_adapter_config.json")
    step("checking ΔW", 0.3)
    # Read back from disk: what a PEFT user loads, not what we meant to write.
    peft_tensors, peft_config = af.load_tensors(job.path / af.PEFT_WEIGHTS), af.read_json(job.path / af.MLX_CONFIG)
    scale = float(mlx_lora_parameters(mlx_config, weights)["scale"])
    per_module = {}
    for key in (k for k in weights if k.endswith(".lora_a")):
        module = key[: -len(".lora_a")]
        ours = delta_w_mlx(weights[key], weights[module + ".lora_b"], scale)
        theirs = delta_w_peft(peft_tensors[f"base_model.model.{module}.lora_A.weight"],
                              peft_tensors[f"base_model.model.{module}.lora_B.weight"],
                              peft_config["lora_alpha"], peft_config["r"], bool(peft_config.get("use_rslora")))
        per_module[module] = float(np.max(np.abs(ours - theirs))) if ours.shape == theirs.shape else float("inf")
    max_diff = max(per_module.values())
    step("round trip", 0.5)
    trip_dir = job.path.parent / f".{job.path.name}.roundtrip"
    try:
        info = read_adapter(job.path, base)
        af.write_mlx(trip_dir, info["converted"])
        trip = Target(base, str(trip_dir), str(trip_dir / af.MLX_WEIGHTS), "final")
        adapter, back = svc.acquire(job.target)[0], svc.acquire(trip)[0]
        result = compare_greedy((adapter.model, adapter.tokenizer), (back.model, back.tokenizer), job.prompts,
                                svc.compute_lock, labels=("adapter", "round_trip"),
                                on_prompt=_prompt_steps(step, "round trip", 0.5, len(job.prompts)))
    finally:
        shutil.rmtree(trip_dir, ignore_errors=True)
    result.update(kind="PEFT ΔW = lora_alpha/r · B·A vs mlx-lm ΔW = scale · lora_bᵀ·lora_aᵀ per module; greedy "
                       "answers of the adapter vs the PEFT folder imported back",
                  modules=len(per_module), max_abs_diff=max_diff, tolerance=DELTA_TOLERANCE,
                  worst_modules=sorted(per_module.items(), key=lambda kv: -kv[1])[:3])
    result["ok"] = max_diff <= DELTA_TOLERANCE and result["identical"] == result["prompts"]
    return result


def export_gguf(job: ExportJob, svc: InferenceService, step: Step) -> dict[str, Any]:
    base = job.target.model_path
    work = job.path / ".fused"
    gguf_file = job.path / f"{job.path.name}.gguf"
    step("fusing", 0.1)
    try:
        with svc.compute_lock:
            # GGUF is written from full-precision weights (mlx-lm's writer refuses quantized ones).
            model, tokenizer, config, _ = fz.fuse(base, job.adapter_dir, job.weights_file, dequantize=True)
            step("saving", 0.3)
            fz.save_fused(work, base, model, tokenizer, config)
            step("writing gguf", 0.5)
            expected = fz.write_gguf(work, model, config, gguf_file)
            del model
    finally:
        shutil.rmtree(work, ignore_errors=True)
    shutil.copy2(job.adapter_dir / af.MLX_CONFIG, job.path / af.MLX_CONFIG)
    step("reading back", 0.8)
    result = fz.read_gguf(gguf_file, expected)
    result.update(kind="GGUF read back with the gguf package: tensor count and shapes vs the fused model",
                  file=str(gguf_file), dequantized=True,
                  ok=result["shapes_match"] and result["tensors"] == result["expected_tensors"]
                  and not result["empty_tensors"])
    return result


EXPORTERS = {"mlx": export_mlx, "peft": export_peft, "gguf": export_gguf}

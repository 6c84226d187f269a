"""The model card (README.md) of an export and the commands that run it elsewhere."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

FORMAT_TITLES = {"mlx": "fused MLX model", "peft": "Hugging Face PEFT LoRA adapter", "gguf": "GGUF model"}


def commands(fmt: str, path: Path, base: str, adapter_dir: str, gguf_file: Path | None = None,
             base_id: str | None = None) -> dict[str, str]:
    """Copyable commands to use the export (and the unfused adapter) outside the studio."""
    q = shlex.quote
    out = {"mlx_lm_server_adapter": f"mlx_lm.server --model {q(base)} --adapter-path {q(adapter_dir)}"}
    if fmt == "mlx":
        out["mlx_lm_generate"] = f"mlx_lm.generate --model {q(str(path))} --prompt 'Hello'"
        out["mlx_lm_server"] = f"mlx_lm.server --model {q(str(path))}"
    elif fmt == "gguf" and gguf_file is not None:
        g = q(str(gguf_file))
        out["llama_cpp"] = f"llama-cli -m {g} -p 'Hello'"
        out["llama_server"] = f"llama-server -m {g}"
        out["ollama"] = (f"printf 'FROM {gguf_file}\\n' > Modelfile && ollama create {path.name} -f Modelfile "
                         f"&& ollama run {path.name}")
        out["lm_studio"] = f"lms import {g}"
    elif fmt == "peft":
        out["peft"] = ("python -c \"from transformers import AutoModelForCausalLM; from peft import PeftModel; "
                       f"m = AutoModelForCausalLM.from_pretrained('{base_id or base}'); "
                       f"m = PeftModel.from_pretrained(m, '{path}')\"")
    return out


def _scores(evaluations: list[dict[str, Any]]) -> list[str]:
    done = [e for e in evaluations if e.get("state") == "completed" and e.get("result")]
    if not done:
        return ["No evaluation was run for this session."]
    result = done[0]["result"]
    lines = [f"Evaluation `{done[0]['id']}` on {result.get('num_samples')} held-out rows ({result.get('split_used')}):",
             "", "| score | base | adapter |", "|---|---|---|"]
    for key, value in (result.get("adapter") or {}).get("scores", {}).items():
        lines.append(f"| {key} | {(result.get('base') or {}).get('scores', {}).get(key)} | {value} |")
    return lines


def model_card(run: dict[str, Any], fmt: str, checkpoint: str, dequantized: bool, base_id: str,
               evaluations: list[dict[str, Any]], cmds: dict[str, str]) -> str:
    config, summary = run["config"], run["summary"]
    rank, alpha = config.get("lora_rank"), config.get("lora_alpha")
    data = summary.get("data") or {}
    lines = [
        f"# {run['name']} — {FORMAT_TITLES[fmt]}", "",
        f"Exported by LoRA Studio from session `{run['id']}` ({run['kind']}, {checkpoint} checkpoint).", "",
        "## Base model", "", f"- {base_id}", f"- local folder: `{run['model_path']}`",
        *(["- fused into full precision (dequantized)"] if dequantized else []), "",
        "## LoRA settings", "",
        f"- type: {config.get('fine_tune_type', 'lora')}, rank {rank}, alpha {alpha}"
        + (f" (scale {alpha / rank:g})" if rank and alpha else ""),
        f"- blocks: {'all' if config.get('lora_num_layers', -1) == -1 else config.get('lora_num_layers')}",
        f"- steps: {run.get('steps_completed')} of {run.get('total_steps')}", "",
        "## Data", "",
        f"- training data: `{config.get('train_data_path') or config.get('imported_from') or 'unknown'}`",
        *([f"- rows: {data.get('rows') or data}"] if data else []), "",
        "## Evaluation", "", *_scores(evaluations), "",
        "## Use it", "", "```sh", *cmds.values(), "```", "",
    ]
    return "\n".join(lines)

"""Exact resume: what a checkpoint needs besides the adapter to continue as if never stopped.

Beside `NNNNNNN_adapters.safetensors` each checkpoint writes `NNNNNNN_state.safetensors` (the
optimizer's state tree: moments, its step and learning rate; and mlx's random key) and
`NNNNNNN_state.json` (the step, the data order's seed and how many training batches were drawn),
both atomically, the json last: a checkpoint has exact state only when its json exists.

The data order is made replayable rather than saved: the training batch iterator draws its
shuffles from a private numpy stream seeded with the run's seed, so a resumed leg rebuilds the
iterator and skips the batches earlier legs consumed. Validation passes are made RNG-neutral
(they restore numpy's and mlx's random state when they end), so when they happen (a resumed leg
validates at its first step) never changes the training that follows. With gradient accumulation the
state is exact only at update boundaries (step % grad_accumulation_steps == 0); elsewhere only the
weights are saved.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from backend.runs.layout import checkpoint_name, state_files

STATE_FORMAT = 1


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def _set_leaf(tree: Any, dotted: str, value) -> bool:
    *parents, last = dotted.split(".")
    node = tree
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.get(part)
        if node is None:
            return False
    if isinstance(node, list):
        node[int(last)] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        return False
    return True


def mlx_key() -> int:
    """mlx's global random key as one integer (mx.random.state cannot be assigned to)."""
    import mlx.core as mx

    hi, lo = (int(x) for x in mx.random.state[0].tolist())
    return (hi << 32) | lo


def set_mlx_key(key: int) -> None:
    import mlx.core as mx

    mx.random.seed(key)  # mx.random.key(n) is [n >> 32, n & 0xffffffff]: exactly the saved key


class RunState:
    """Saves and restores one run's exact-resume state (rank 0 saves; every rank restores)."""

    def __init__(self, cfg: dict, model, optimizer):
        self.cfg, self.model, self.optimizer = cfg, model, optimizer
        self.seed = int(cfg["seed"])
        self.accumulation = max(1, int(cfg.get("grad_accumulation_steps") or 1))
        self.adapter_dir = Path(cfg["adapter_path"])

    # -- saving ---------------------------------------------------------------------------------
    def save(self, step: int) -> bool:
        """Writes the state for the checkpoint at `step`; False when the step is inside an accumulation."""
        import mlx.core as mx
        from mlx.utils import tree_flatten

        if step <= 0 or step % self.accumulation:  # step 0: nothing trained, no checkpoint to sit beside
            return False
        arrays = {f"optimizer.{k}": v for k, v in tree_flatten(self.optimizer.state)}
        tensors, meta = state_files(self.adapter_dir / checkpoint_name(step))
        tmp = tensors.with_name(f".{tensors.stem}.tmp.safetensors")
        mx.save_safetensors(str(tmp), arrays)
        os.replace(tmp, tensors)
        _write_json_atomic(meta, {"format": STATE_FORMAT, "step": step,
                                  "optimizer": type(self.optimizer).__name__,
                                  "optimizer_updates": step // self.accumulation, "mlx_key": mlx_key(),
                                  "data": {"seed": self.seed, "batches_drawn": step}})
        return True

    def saving_after(self, checkpoint, rank: int) -> Callable[[int], None]:
        """The step-boundary hook: the adapter checkpoint, then (rank 0) its state when one was written."""
        def on_step_done(step: int) -> None:
            checkpoint(step)
            if rank == 0 and checkpoint.last_saved == step:
                self.save(step)
        return on_step_done

    # -- restoring ------------------------------------------------------------------------------
    def restore(self, adapter_file: str | None, step: int, log: Callable[[str], None]) -> str:
        """Before training starts (every rank): 'exact', 'weights_only' (old checkpoint), 'from_rank0'
        (a rank without the files) or 'fresh' (no resume)."""
        import mlx.core as mx

        if step <= 0:
            return "fresh"
        self.optimizer.init(self.model.trainable_parameters())
        # Under mlx.launch only rank 0 is given the checkpoint (runner.dist); the others take its state.
        mode = self._restore_local(Path(adapter_file), step, log) if adapter_file else "from_rank0"
        group = mx.distributed.init()
        if group.size() > 1:
            # Rank 0's state wins everywhere (another host may not see the run's files): every rank
            # must apply identical updates to the identical weights broadcast_trainable gave them.
            self._broadcast(group)
        return mode

    def _restore_local(self, adapter_file: Path, step: int, log: Callable[[str], None]) -> str:
        import mlx.core as mx
        from mlx.core import (
            eval as materialize,  # MLX's lazy-array evaluation, not Python's eval
        )

        tensors, meta = state_files(adapter_file)
        if not meta.is_file():
            # The schedule still continues where it was; Adam's moments restart from zero.
            self.optimizer.state["step"] = mx.array(step // self.accumulation, mx.uint64)
            log(f"notice: {Path(adapter_file).name} has no saved optimizer/RNG state (an older checkpoint); "
                "resuming from its weights only, so the run will not match an uninterrupted one exactly")
            return "weights_only"
        info = json.loads(meta.read_text(encoding="utf-8"))
        arrays = mx.load(str(tensors))
        for key, value in arrays.items():
            if key.startswith("optimizer.") and not _set_leaf(self.optimizer.state, key[len("optimizer."):], value):
                raise ValueError(f"{tensors.name} does not fit this run's optimizer ({key})")
        set_mlx_key(int(info["mlx_key"]))
        materialize(self.optimizer.state)
        log(f"resuming exactly at step {info['step']}: optimizer state, random key and data position restored")
        return "exact"

    def _broadcast(self, group) -> None:
        """One all_sum per dtype over the optimizer state and the random key (zeros off rank 0)."""
        import mlx.core as mx
        from mlx.core import (
            eval as materialize,  # MLX's lazy-array evaluation, not Python's eval
        )
        from mlx.utils import tree_flatten

        root = group.rank() == 0

        def from_root(values):  # the ring backend sums floats and int32: carry others as int32
            wire = values if values.dtype in (mx.float32, mx.float16, mx.bfloat16, mx.int32) else values.astype(mx.int32)
            summed = mx.distributed.all_sum(wire if root else mx.zeros_like(wire), group=group, stream=mx.cpu)
            materialize(summed)  # now: every rank must run the collectives in the same order
            return summed.astype(values.dtype)

        leaves = tree_flatten(self.optimizer.state)
        for dtype in sorted({v.dtype for _, v in leaves}, key=str):  # a set's order differs between processes
            same = [(k, v) for k, v in leaves if v.dtype == dtype]
            flat = from_root(mx.concatenate([v.reshape(-1) for _, v in same]))
            offset = 0
            for key, value in same:
                _set_leaf(self.optimizer.state, key, flat[offset:offset + value.size].reshape(value.shape))
                offset += value.size
        key = mlx_key() if root else 0
        parts = from_root(mx.array([(key >> shift) & 0xFFFF for shift in (48, 32, 16, 0)], dtype=mx.int32)).tolist()
        set_mlx_key(sum(int(p) << shift for p, shift in zip(parts, (48, 32, 16, 0))))
        materialize(self.optimizer.state)

    # -- the data order -------------------------------------------------------------------------
    def replayable(self, iterate_batches, skip: int):
        """Wraps a trainer's iterate_batches: a private, seeded shuffle stream for the training pass
        (skipping the `skip` batches earlier legs drew) and RNG-neutral validation passes."""
        import numpy as np

        seed = self.seed

        def batches(**kwargs):
            if not (kwargs.get("loop") or kwargs.get("train")):
                saved_np, saved_key = np.random.get_state(), mlx_key()
                try:
                    yield from iterate_batches(**kwargs)
                finally:
                    np.random.set_state(saved_np)
                    set_mlx_key(saved_key)
                return
            inner = iterate_batches(**kwargs)
            private = np.random.RandomState(seed).get_state()

            def pull():
                nonlocal private
                outer = np.random.get_state()
                np.random.set_state(private)
                try:
                    return next(inner)
                finally:
                    private = np.random.get_state()
                    np.random.set_state(outer)

            for _ in range(skip):
                pull()
            while True:
                try:
                    batch = pull()
                except StopIteration:
                    return
                yield batch

        return batches

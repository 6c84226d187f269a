"""Export jobs: one worker thread runs queued exports in order (beside any training run).

Requests are checked before they are queued (session, adapter files, format support), so a refused
export leaves nothing behind. Records live in SQLite; progress goes out as `export_progress` events
and the end as `export_completed`; files land in `<data root>/exports/<name>/`.
"""

from __future__ import annotations

import logging
import queue
import re
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from backend.adapters import files as af
from backend.adapters.peft import AdapterFormatError, mlx_to_peft
from backend.errors import StudioError
from backend.export import card
from backend.export.formats import EXPORTERS, ExportJob
from backend.export.fuse import GGUF_ARCHITECTURES, quantization_of
from backend.export.verify import verification_prompts
from backend.inference.service import InferenceService, resolve_adapter
from backend.runs.events import EventHub
from backend.runs.layout import ACTIVE_STATES
from backend.runs.store import RunStore

log = logging.getLogger("lora_studio.export")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ExportManager:
    def __init__(self, store: RunStore, hub: EventHub, inference: InferenceService, runs_dir: Path,
                 exports_dir: Path):
        self.store, self.hub, self.inference = store, hub, inference
        self.runs_dir, self.exports_dir = runs_dir, exports_dir
        self._queue: queue.Queue[ExportJob | None] = queue.Queue()
        self._active: dict[str, ExportJob] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        for record in store.list_exports():
            if record["state"] in ("queued", "running"):
                store.update_export(record["id"], state="error",
                                    error="interrupted: the server stopped during the export; export again")

    # -- API --------------------------------------------------------------------------------------
    def start(self, session_id: str, *, fmt: str, checkpoint: str, dequantize: bool,
              name: str | None) -> dict[str, Any]:
        target = resolve_adapter(self.store, self.runs_dir, session_id=session_id, checkpoint=checkpoint)
        run = self.store.get_run(session_id)
        if run["state"] in ACTIVE_STATES:
            raise StudioError(409, f"Session {session_id} is {run['state']}: its adapter is still being written; "
                                   "export it when the run has ended")
        base_config = af.model_config(target.model_path)
        if fmt == "gguf" and base_config.get("model_type") not in GGUF_ARCHITECTURES:
            raise StudioError(422, f"GGUF export supports the {', '.join(GGUF_ARCHITECTURES)} architectures "
                                   f"(mlx-lm's GGUF writer); this base is {base_config.get('model_type')!r}. "
                                   "Export as mlx or peft instead")
        if dequantize and fmt == "mlx" and not quantization_of(base_config):
            raise StudioError(422, "dequantize applies to a quantized base; this base is not quantized")
        if fmt == "peft":
            try:  # refusals (DoRA, MoE experts) come now, not after the job is queued
                mlx_to_peft(af.load_tensors(Path(target.adapter_file)),
                            af.read_json(Path(target.adapter_dir) / af.MLX_CONFIG))
            except AdapterFormatError as exc:
                raise StudioError(422, f"Cannot export session {session_id} as PEFT: {exc}") from exc
        with self._lock:
            name = self._name(run, fmt, checkpoint, name)
            path = self.exports_dir / name
            export_id = f"export-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
            request = {"format": fmt, "checkpoint": checkpoint, "dequantize": dequantize, "name": name}
            prompts = verification_prompts(run, self.runs_dir)
            job = ExportJob(export_id, run, target, fmt, checkpoint, dequantize, path, prompts)
            self.store.create_export({"id": export_id, "run_id": session_id, "format": fmt, "name": name,
                                      "path": str(path), "request": request})
            self._active[export_id] = job
            self._ensure_worker()
            self._queue.put(job)
        return {"export_id": export_id, "name": name, "path": str(path)}

    def get(self, export_id: str) -> dict[str, Any] | None:
        record = self.store.get_export(export_id)
        return None if record is None else self._public(record)

    def list(self, session_id: str | None = None) -> list[dict[str, Any]]:
        return [self._public(r) for r in self.store.list_exports(session_id)]

    def delete(self, export_id: str) -> None:
        record = self.store.get_export(export_id)
        if record is None:
            raise StudioError(404, f"No export {export_id}")
        if record["state"] in ("queued", "running"):
            raise StudioError(409, f"Export {export_id} is {record['state']}; wait for it to finish")
        path = Path(record["path"])
        if path.parent == self.exports_dir and path.is_dir():
            shutil.rmtree(path)
        self.store.delete_export(export_id)

    def shutdown(self, timeout: float = 30.0) -> None:
        self._queue.put(None)
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)

    # -- internals --------------------------------------------------------------------------------
    def _name(self, run: dict, fmt: str, checkpoint: str, requested: str | None) -> str:
        taken = lambda n: (self.exports_dir / n).exists() or any(
            e["name"] == n for e in self.store.list_exports())
        if requested is not None:
            if not NAME_RE.match(requested):
                raise StudioError(422, "name: letters, digits, dot, dash, underscore (at most 100)")
            if taken(requested):
                raise StudioError(409, f"An export named {requested} already exists; delete it or pick another name")
            return requested
        stem = f"{run['adapter_name']}-{fmt}-{checkpoint}"
        return next(n for i in range(1, 10_000) if not taken(n := stem if i == 1 else f"{stem}-{i}"))

    def _public(self, record: dict[str, Any]) -> dict[str, Any]:
        job = self._active.get(record["id"])
        state = record["state"]
        if job is not None and state in ("queued", "running"):
            progress, phase = job.progress, job.phase
        else:
            progress, phase = (1.0, "done") if state == "completed" else (0.0, state)
        result = record["result"] or {}
        return {"id": record["id"], "session_id": record["run_id"], "format": record["format"],
                "name": record["name"], "path": record["path"], "state": state, "progress": progress,
                "phase": phase, "error": record["error"], "request": record["request"],
                "verification": result.get("verification"), "commands": result.get("commands"),
                "files": result.get("files"), "created_at": record["created_at"],
                "updated_at": record["updated_at"]}

    def _ensure_worker(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="exports", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._run(job)
            finally:
                self._active.pop(job.id, None)

    def _step(self, job: ExportJob, phase: str, progress: float) -> None:
        job.phase, job.progress = phase, round(progress, 4)
        self.hub.publish("export_progress", job.run["id"],
                         {"export_id": job.id, "progress": job.progress, "phase": phase})

    def _run(self, job: ExportJob) -> None:
        self.store.update_export(job.id, state="running")
        created = False
        try:
            job.path.mkdir(parents=True)  # never into an existing folder: refused, and left alone
            created = True
            verification = EXPORTERS[job.fmt](job, self.inference, lambda p, f: self._step(job, p, f))
            result = self._finish(job, verification)
            self.store.update_export(job.id, state="completed", result=result)
            self.hub.publish("export_completed", job.run["id"],
                             {"export_id": job.id, "state": "completed", "ok": verification.get("ok")})
        except BaseException as exc:
            log.exception("export %s failed", job.id)
            message = exc.detail if isinstance(exc, StudioError) else f"{type(exc).__name__}: {exc}"
            if created:
                shutil.rmtree(job.path, ignore_errors=True)
            self.store.update_export(job.id, state="error", error=f"export failed: {message}")
            self.hub.publish("export_completed", job.run["id"],
                             {"export_id": job.id, "state": "error", "error": message})

    def _finish(self, job: ExportJob, verification: dict[str, Any]) -> dict[str, Any]:
        base = job.target.model_path
        gguf = Path(verification["file"]) if verification.get("file") else None
        cmds = card.commands(job.fmt, job.path, base, job.target.adapter_dir, gguf, af.hf_id(base))
        readme = card.model_card(job.run, job.fmt, job.checkpoint, job.dequantize or job.fmt == "gguf",
                                 af.hf_id(base), self.store.list_evaluations(job.run["id"]), cmds)
        (job.path / "README.md").write_text(readme, encoding="utf-8")
        files = [{"name": p.name, "size_bytes": p.stat().st_size} for p in sorted(job.path.iterdir()) if p.is_file()]
        return {"verification": verification, "commands": cmds, "files": files}

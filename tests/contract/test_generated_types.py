"""`python -m backend openapi` and the SPA's generated types: printed without a server, checked for staleness."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backend.cli import openapi_schema
from backend.runs.event_types import StudioEvent

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
GENERATED = FRONTEND / "src" / "app" / "generated" / "openapi.ts"


def _env(tmp_path: Path) -> dict:
    # A data root that must stay untouched: the command builds the schema in a scratch folder.
    return {**os.environ, "PYTHONPATH": str(ROOT), "LORA_STUDIO_HOME": str(tmp_path / "home")}


def test_openapi_command_prints_the_schema_without_a_server(tmp_path):
    out = subprocess.run([sys.executable, "-m", "backend", "openapi"], cwd=tmp_path, env=_env(tmp_path),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    schema = json.loads(out.stdout)
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "LoRA Studio"
    assert {"/training/start", "/training/status", "/sessions/{session_id}", "/events"} <= set(schema["paths"])
    components = schema["components"]["schemas"]
    assert {"ErrorDetail", "ServerEvent", "TrainingStatus", "TrainingCompletedData"} <= set(components)
    assert "stopping" in components["TrainingStatus"]["properties"]["state"]["anyOf"][0]["enum"]
    assert "step" in components["TrainingCompletedData"]["properties"]
    assert "steps_completed" not in components["TrainingCompletedData"]["properties"]
    assert not (tmp_path / "home").exists()  # nothing written to the data root

    target = tmp_path / "schema.json"
    out = subprocess.run([sys.executable, "-m", "backend", "openapi", "-o", str(target)], cwd=tmp_path,
                         env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout == ""
    assert json.loads(target.read_text()) == schema


def test_every_websocket_event_is_a_schema_component():
    schema = openapi_schema()
    union = schema["components"]["schemas"]["ServerEvent"]
    assert set(union["discriminator"]["mapping"]) == {e.value for e in StudioEvent}
    progress = schema["components"]["schemas"]["TrainingProgressData"]["properties"]
    assert {"step", "total", "train_loss", "tokens_per_sec", "peak_mem_gb"} <= set(progress)


def _check(schema_file: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is needed to generate the SPA's API types"
    return subprocess.run([node, "scripts/gen-api.mjs", "--check", "--schema", str(schema_file)], cwd=FRONTEND,
                          capture_output=True, text=True, timeout=120)


def test_the_generated_types_match_the_schema(tmp_path):
    assert GENERATED.read_text().startswith("/**\n * Generated from the OpenAPI schema")
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(openapi_schema()))
    out = _check(schema_file)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("change", ["new_field", "new_state"])
def test_the_staleness_check_fails_when_the_schema_changes(tmp_path, change):
    schema = openapi_schema()
    status = schema["components"]["schemas"]["TrainingStatus"]
    if change == "new_field":
        status["properties"]["brand_new"] = {"type": "integer", "title": "Brand New"}
    else:
        status["properties"]["state"]["anyOf"][0]["enum"].append("paused")
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema))
    out = _check(schema_file)
    assert out.returncode == 1
    assert "stale" in out.stderr and "npm run gen:api" in out.stderr

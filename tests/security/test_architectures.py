"""Item 10: a model whose architecture the installed mlx-lm cannot build is listed as unusable and
refused before a run exists (SFT and GRPO-family starts), naming the type and the mlx-lm version."""

from __future__ import annotations

import json
import shutil
from importlib.metadata import version

from fastapi.testclient import TestClient

from backend.app import create_app
from tests.conftest import demo_paths, make_settings


def acme_model(data_root, name: str = "acme-7b", model_type: str = "acme_lm"):
    """The demo model's weights and tokenizer under a config.json naming an unknown architecture."""
    target = data_root / "models" / name
    shutil.copytree(data_root / "demo" / "model", target)
    config = json.loads((target / "config.json").read_text())
    (target / "config.json").write_text(json.dumps({**config, "model_type": model_type,
                                                    "architectures": ["AcmeForCausalLM"]}))
    return target


def test_unknown_architecture_is_unusable_and_refused(data_root):
    acme = acme_model(data_root)
    base = acme_model(data_root, "not-a-model-module", model_type="base")  # an mlx-lm module, not a model
    demo = demo_paths(data_root)
    mlx_lm_version = version("mlx-lm")
    app = create_app(make_settings(data_root, model_dirs=(data_root / "models",)))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        models = {m["path"]: m for m in c.get("/models").json()}
        for path, type_ in ((acme, "acme_lm"), (base, "base")):
            entry = models[str(path.resolve())]
            assert entry["usable"] is False
            assert type_ in entry["error"] and mlx_lm_version in entry["error"]
        assert models[str((data_root / "demo" / "model").resolve())]["usable"] is True

        for url, train in (("/training/start", demo["train"]), ("/training/start-enhanced", demo["grpo_train"])):
            r = c.post(url, json={"model_path": str(acme), "train_data_path": train, "iterations": 1})
            assert r.status_code == 422, r.text
            [error] = r.json()["detail"]
            assert error["loc"] == ["body", "model_path"]
            assert "acme_lm" in error["msg"] and f"mlx-lm {mlx_lm_version}" in error["msg"]
        assert c.get(f"/models/targets?path={acme}").status_code == 422
        assert c.get("/sessions").json() == []  # no run was recorded
        assert not any((data_root / "runs").iterdir())

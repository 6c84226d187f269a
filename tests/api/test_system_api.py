from fastapi.testclient import TestClient

from backend.app import create_app
from tests.conftest import make_settings


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["version"] and "cpu" in body["mlx_device"].lower()


def test_models_lists_the_demo_model(client, demo, demo_depth):
    from backend.models.catalog import coverage_presets

    [m] = client.get("/models").json()
    assert m["path"] == demo["model"] and m["error"] is None and m["name"] == "lora-studio-demo"
    assert m["model_type"] == "llama" and m["num_hidden_layers"] == demo_depth >= 2
    assert m["coverage_presets"] == coverage_presets(demo_depth)
    assert m["lora_targets"]["fallback"] is False
    assert "mlp.down_proj" in m["lora_targets"]["keys"]


def test_models_refresh_finds_new_dirs(client, data_root):
    assert len(client.get("/models").json()) == 1
    broken = data_root / "demo" / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{oops")
    assert len(client.get("/models").json()) == 1  # cached
    models = client.get("/models", params={"refresh": True}).json()
    assert any(m["name"] == "broken-model" and "unreadable" in m["error"] for m in models)


def test_model_targets_for_rank_and_coverage(client, demo, demo_depth):
    full = client.get("/models/targets", params={"path": demo["model"], "rank": 8}).json()
    top1 = client.get("/models/targets", params={"path": demo["model"], "rank": 8, "num_layers": 1}).json()
    assert full["trainable_parameters"] == demo_depth * top1["trainable_parameters"]
    too_deep = {"path": demo["model"], "num_layers": demo_depth + 1}
    assert client.get("/models/targets", params=too_deep).status_code == 422
    assert client.get("/models/targets", params={"path": "/nope"}).status_code == 404


def test_datasets_lists_demo_sets_with_splits(client):
    sets = {d["name"]: d for d in client.get("/datasets").json()}
    sft, grpo = sets["demo-sft"], sets["demo-grpo"]
    assert sft["kind"] == "sft" and sft["format"] == "messages" and sft["rows"] > 0
    assert all(sft["splits"][s] for s in ("train", "valid", "test"))
    assert grpo["kind"] == "grpo" and grpo["format"] == "grpo"


def test_dataset_validation_endpoint(client, tmp_path, demo):
    ok = client.post("/datasets/validate", json={"path": demo["train"]}).json()
    assert ok["ok"] and ok["format"] == "messages" and len(ok["preview"]) == 5
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\n{nope\n')
    res = client.post("/datasets/validate", json={"path": str(bad)}).json()
    assert not res["ok"] and res["errors"][0]["line"] == 2


def test_docs_and_openapi(client):
    assert client.get("/docs").status_code == 200
    assert "/training/start" in client.get("/openapi.json").json()["paths"]


def test_spa_is_served_when_built(data_root):
    dist = data_root / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<html>studio</html>")
    with TestClient(create_app(make_settings(data_root, frontend_dist=dist)), base_url="http://127.0.0.1") as c:
        assert "studio" in c.get("/").text
        assert c.get("/health").json()["status"] == "ok"  # API routes still win


def test_foreign_host_is_rejected(client):
    assert client.get("/health", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/health", headers={"host": "localhost:8000"}).status_code == 200


def test_foreign_origin_cannot_change_state(client):
    r = client.post("/sessions/x/load", headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/sessions/x/load", headers={"origin": "http://127.0.0.1:8000"})
    assert r.status_code == 404  # passed the origin check, then: no such session


def test_token_required_when_configured(data_root):
    app = create_app(make_settings(data_root, token="s3cret"))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/health").status_code == 200
        assert c.get("/sessions").status_code == 401
        assert c.get("/sessions", headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/sessions?token=s3cret").status_code == 200
        assert c.get("/sessions", headers={"authorization": "Bearer wrong"}).status_code == 401


def test_spa_files_are_public_but_the_api_needs_the_token(data_root):
    dist = data_root / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<html>studio</html>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(make_settings(data_root, token="s3cret", frontend_dist=dist))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200 and c.get("/assets/app.js").status_code == 200
        assert c.get("/models").status_code == 401
        assert c.post("/assets/app.js").status_code == 401  # only reads are public


def test_websocket_tokens_are_redacted_from_access_logs():
    import logging

    from backend.security import TokenRedactor

    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:1", "GET", "/ws?after_seq=3&token=s3cret", "1.1", 101), None)
    TokenRedactor().filter(record)
    assert "s3cret" not in record.getMessage() and "after_seq=3&token=<redacted>" in record.getMessage()


def test_oversized_body_is_rejected(client):
    r = client.post("/training/start", content=b"x" * (9 * 1024 * 1024),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413

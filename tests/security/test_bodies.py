"""Items 2 and 3: bodies are JSON only (415), and a start body with a field the schema does not know
is a 422 naming it; the legacy import keeps its tolerant mapping (unknown fields become warnings)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import demo_paths

NOT_JSON = [
    ("text/plain", b'{"model_path": "x"}'),
    ("application/x-www-form-urlencoded", b"model_path=x&train_data_path=y"),
    ("multipart/form-data; boundary=b", b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n'),
    ("application/jsonx", b"{}"),
    ("text/html", b"<form>"),
]


def body_operations(client) -> list[tuple[str, str]]:
    spec = client.get("/openapi.json").json()
    ops = [(method.upper(), path) for path, item in spec["paths"].items()
           for method, op in item.items() if "requestBody" in op]
    assert len(ops) >= 10  # every start, test, evaluation, import and check endpoint
    return ops


def test_every_body_endpoint_refuses_non_json(client):
    for method, path in body_operations(client):
        url = path.replace("{session_id}", "no-such")
        for content_type, body in NOT_JSON:
            r = client.request(method, url, content=body, headers={"content-type": content_type})
            assert r.status_code == 415, (path, content_type, r.text)
            assert "application/json" in r.json()["detail"]
        # A body without any Content-Type (fetch's text default is a browser's, not ours to guess).
        r = client.request(method, url, content=b'{"a": 1}', headers={"content-type": ""})
        assert r.status_code == 415, path


def test_body_less_posts_still_work_without_content_type(client):
    assert client.post("/sessions/no-such/load").status_code == 404
    assert client.post("/training/stop").status_code in (200, 409)


def test_json_with_charset_is_json(client, demo):
    r = client.post("/datasets/validate", content=json.dumps({"path": demo["train"]}).encode(),
                    headers={"content-type": "application/json; charset=utf-8"})
    assert r.status_code == 200 and r.json()["ok"] is True


@pytest.mark.parametrize("path,body,field", [
    ("/training/start", {"learning_rat": 0.1}, "learning_rat"),
    ("/training/start", {"lora_rnak": 8}, "lora_rnak"),
    ("/training/start", {"distributed": {"enabld": True}}, "enabld"),
    ("/training/start-enhanced", {"group_sise": 4}, "group_sise"),
    ("/model/test-base", {"prompt": "hi", "temprature": 0}, "temprature"),
    ("/model/test", {"prompt": "hi", "max_token": 3}, "max_token"),
    ("/evaluation/start", {"session_id": "x", "api_key": "k"}, "api_key"),
    ("/datasets/validate", {"path": "/tmp/x", "knd": "sft"}, "knd"),
    ("/training/distributed/check", {"hosts": ["127.0.0.1"], "processes_per_host": 2, "timout_s": 1},
     "timout_s"),
])
def test_unknown_fields_are_422_naming_them(client, data_root, path, body, field):
    demo = demo_paths(data_root)
    if path.startswith("/training/start"):
        body = {"model_path": demo["model"], "iterations": 1,
                "train_data_path": demo["grpo_train" if "enhanced" in path else "train"], **body}
    r = client.post(path, json=body)
    assert r.status_code == 422, r.text
    errors = r.json()["detail"]
    assert any(e["loc"][-1] == field and e["type"] == "extra_forbidden" for e in errors), errors
    assert client.get("/sessions").json() == []  # no run was started
    assert client.get("/training/status").json()["state"] in ("idle", None)


def test_start_bodies_built_from_the_servers_own_defaults_are_accepted(client):
    """The SPA builds its start bodies from GET /training/defaults and /training/methods: none of
    those keys may be refused as unknown (computed outputs such as world_size are not inputs)."""
    paths = {"model_path": "/no/such/model", "train_data_path": "/no/such/data.jsonl"}
    sft = {**client.get("/training/defaults").json()["defaults"], **paths}
    r = client.post("/training/start", json=sft)
    assert r.status_code == 422 and [e["loc"] for e in r.json()["detail"]] == [["body", "model_path"]], r.text
    for method in client.get("/training/methods").json()["methods"]:
        body = {**method["defaults"], **{p["name"]: p["default"] for p in method["parameters"]}, **paths}
        r = client.post("/training/start-enhanced", json=body)
        assert r.status_code == 422 and [e["loc"] for e in r.json()["detail"]] == [["body", "model_path"]], r.text


def test_legacy_import_stays_tolerant(client):
    legacy = {"session_id": "old-1", "status": "completed", "ui_theme": "dark",
              "config": {"model_path": "/m", "train_data_path": "/t", "learning_rat": 0.5,
                         "world_size": 1, "distributed": {"enabled": False, "legacy_knob": 1}}}
    r = client.post("/sessions/import", json=legacy)
    assert r.status_code == 200, r.text
    warnings = " ".join(r.json()["warnings"])
    assert "learning_rat" in warnings and "ui_theme" in warnings and "distributed" in warnings
    [session] = client.get("/sessions").json()
    assert session["legacy"] is True and session["state"] == "completed"
    # The same session again (in a list): the existing one comes back, nothing is duplicated.
    again = client.post("/sessions/import", json=[legacy])
    assert again.status_code == 200 and again.json()["sessions"][0]["status"] == "existing"
    assert len(client.get("/sessions").json()) == 1

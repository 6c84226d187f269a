"""Item 4: no input makes a 500. Each bad input is a 4xx a person can act on and changes nothing;
anything truly unexpected is a 500 with a request id, its traceback in the log only."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from backend.app import create_app
from tests.conftest import make_settings

LONG_NAME = "/tmp/" + "a" * 300  # one component over NAME_MAX: ENAMETOOLONG
LONG_PATH = "/tmp/" + "/".join(["b" * 200] * 30)  # over PATH_MAX


def path_cases(demo: dict[str, str], a_dir: str) -> list[tuple[str, str, dict, str]]:
    """(url, field, body) where `field` holds a bad path; the rest of the body is valid."""
    sft = {"model_path": demo["model"], "train_data_path": demo["train"], "iterations": 1}
    grpo = {"model_path": demo["model"], "train_data_path": demo["grpo_train"], "iterations": 1}
    legacy = {"session_id": "s1", "training_state": "completed", "config": sft}
    cases = []
    # "~^\x0cÎÝ": a user name schemathesis found that pathlib cannot even look up (a 500 once)
    for bad in ("/tmp/x\x00y", LONG_NAME, LONG_PATH, "~no-such-user-4f2/model", "~^\x0c\u00ce\u00dd"):
        cases += [
            ("/training/start", "train_data_path", {**sft, "train_data_path": bad}),
            ("/training/start", "val_data_path", {**sft, "val_data_path": bad}),
            ("/training/start", "model_path", {**sft, "model_path": bad}),
            ("/training/start-enhanced", "reward_functions_file", {**grpo, "reward_functions_file": bad}),
            ("/training/start-enhanced", "train_data_path", {**grpo, "train_data_path": bad}),
            ("/datasets/validate", "path", {"path": bad}),
            ("/model/test-base", "model_path", {"prompt": "hi", "model_path": bad}),
            ("/models/folders", "path", {"path": bad}),
            ("/adapters/import", "path", {"path": bad}),
            ("/adapters/import", "model_path", {"path": "/tmp", "model_path": bad}),
            ("/sessions/import", "path", {"path": bad}),
            ("/sessions/import", "adapter_path", {**legacy, "adapter_path": bad}),
        ]
    cases += [
        ("/training/start", "train_data_path", {**sft, "train_data_path": a_dir}),
        ("/training/start", "val_data_path", {**sft, "val_data_path": a_dir}),
        ("/training/start-enhanced", "train_data_path", {**grpo, "train_data_path": a_dir}),
        ("/training/start-enhanced", "reward_functions_file", {**grpo, "reward_functions_file": a_dir}),
        ("/datasets/validate", "path", {"path": a_dir}),
    ]
    return cases


def test_bad_paths_are_4xx_naming_the_problem(client, demo, tmp_path, settings):
    a_dir = tmp_path / "a-directory"
    a_dir.mkdir()
    for url, field, body in path_cases(demo, str(a_dir)):
        # ensure_ascii keeps the lone surrogate as an escape, the way a browser's JSON.stringify sends it
        r = client.post(url, content=json.dumps(body), headers={"content-type": "application/json"})
        assert r.status_code == 422, (url, field, r.text)
        text = r.text
        assert field in text or "directory" in text, (url, field, text)
        if body.get(field) == str(a_dir):  # a folder is a dataset source only when it holds one
            assert "is a directory" in text or "holds no dataset" in text, text
    assert client.get("/sessions").json() == []
    assert not any(settings.runs_dir.iterdir())


def test_bad_path_query_parameters(client):
    for path in ("%00", "a" * 5000, LONG_NAME, "~no-such-user-4f2"):
        r = client.get(f"/models/targets?path={path}")
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "path"]


@pytest.mark.parametrize("raw", ['{"prompt": "hi", "temperature": NaN}', '{"prompt": "hi", "top_p": Infinity}',
                                 '{"prompt": "hi", "max_tokens": -Infinity}', '[NaN]'])
def test_nan_and_infinity_are_422(client, raw):
    for url in ("/model/test-base", "/training/start", "/sessions/import", "/evaluation/start"):
        r = client.post(url, content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 422, (url, r.text)
        assert "not a JSON number" in r.json()["detail"][0]["msg"]


def test_chunked_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(9):
            yield b" " * (1024 * 1024)

    r = client.post("/training/start", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_lone_surrogates_are_422(client, demo):
    # Python's json decodes "\udc80" to a lone surrogate: no file name or prompt can hold it.
    for url, body in (("/datasets/validate", r'{"path": "/tmp/\udc80"}'),
                      ("/model/test-base", r'{"prompt": "hi \ud800"}')):
        r = client.post(url, content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422 and "surrogate" in r.json()["detail"][0]["msg"], (url, r.text)
    emoji = json.dumps({"path": demo["train"], "kind": "sft"}).replace("}", r', "x": "\ud83d\ude00"}')
    assert "x" in json.loads(emoji)  # a proper surrogate pair is text: it reaches the endpoint
    r = client.post("/datasets/validate", content=emoji, headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "extra_forbidden"


def test_import_with_non_string_names_is_422_and_imports_nothing(client, settings):
    good = {"session_id": "ok", "config": {"model_path": "/m", "train_data_path": "/t"}}
    for bad in ({"name": 5}, {"name": ["x"]}, {"session_id": {"a": 1}}, {"adapter_path": 7},
                {"config": "nope"}, {"adapter_path": "/x\x00"}, {"training_state": 5},
                {"metrics": {"current_step": 10**30}}, {"metrics": {"total_steps": 1e300}},
                {"timestamp": 10**400}, {"best_model": {"step": 10**30, "val_loss": 1}}):
        for body in ({**good, **bad}, [{**good, **bad}]):
            r = client.post("/sessions/import", json=body)
            assert r.status_code == 422, (body, r.text)
    r = client.post("/sessions/import", json=[good, {**good, "name": 5}])
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "sessions", 1, "name"], r.text
    assert client.post("/sessions/import", json="not json at all").status_code == 422
    assert client.post("/sessions/import", json='"nested string"').status_code == 422
    assert client.get("/sessions").json() == []


def test_unexpected_exception_is_500_with_request_id_and_traceback_only_in_log(data_root, caplog):
    app = create_app(make_settings(data_root))

    @app.get("/boom-for-test")
    def boom() -> dict:
        raise RuntimeError("secret internals /etc/passwd")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c, \
            caplog.at_level(logging.ERROR, logger="lora_studio.errors"):
        r = c.get("/boom-for-test")
    assert r.status_code == 500
    body = r.json()
    assert set(body) == {"detail", "request_id"} and body["detail"] == "internal error"
    assert "secret internals" not in r.text and "Traceback" not in r.text
    [record] = [rec for rec in caplog.records if body["request_id"] in rec.getMessage()]
    assert record.exc_info and "secret internals" in caplog.text and "Traceback" in caplog.text


def ws_refusal(url: str) -> tuple[int, str]:
    try:
        with connect(url, open_timeout=10) as ws:
            ws.recv(timeout=5)
    except InvalidStatus as exc:
        return exc.response.status_code, json.loads(exc.response.body)["detail"]
    raise AssertionError(f"{url} was accepted")


def test_ws_after_seq_must_be_an_integer_sqlite_holds(open_server):
    for value in ("abc", "1.5", "-1", "1e3", str(2**63), "9" * 400, "%00", "%EF%BC%91"):
        status, reason = ws_refusal(f"{open_server.ws_url}?after_seq={value}")
        assert status == 400 and "after_seq" in reason, (value, reason)
    with connect(f"{open_server.ws_url}?after_seq={2**63 - 1}", open_timeout=10) as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "training_state"
    log = open_server.log_path.read_text()
    assert "Traceback" not in log and "Exception" not in log

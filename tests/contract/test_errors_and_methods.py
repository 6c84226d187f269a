"""The published contract is the real one: error bodies as documented, 405 with a correct Allow."""

import pytest
from fastapi.testclient import TestClient

from backend.app import create_app
from backend.schemas.errors import ErrorDetail
from tests.conftest import make_settings


@pytest.fixture
def spa_client(data_root):
    """The app with a built SPA mounted at "/" (the mount that used to answer API paths)."""
    dist = data_root / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>LoRA Studio</title>")
    with TestClient(create_app(make_settings(data_root, frontend_dist=dist)), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("method,path,allow", [
    ("GET", "/training/start", "POST"),
    ("PUT", "/training/status", "GET"),
    ("DELETE", "/health", "GET"),
    ("PATCH", "/sessions/some-run", "DELETE, GET"),
    ("GET", "/training/stop", "POST"),
    ("POST", "/models", "GET"),
])
def test_unsupported_methods_on_api_paths_answer_405_with_allow(spa_client, method, path, allow):
    r = spa_client.request(method, path)
    assert r.status_code == 405, r.text
    assert r.headers["allow"] == allow
    assert r.json() == {"detail": "Method Not Allowed"}


def test_the_spa_still_serves_its_own_paths(spa_client):
    r = spa_client.get("/")
    assert r.status_code == 200 and "LoRA Studio" in r.text
    assert spa_client.get("/health").status_code == 200  # the API route still wins over the mount


def test_405_without_a_spa_too(client):
    r = client.put("/training/start")
    assert r.status_code == 405 and r.headers["allow"] == "POST"


def _documented(schema: dict, method: str, path: str, status: int) -> dict:
    responses = schema["paths"][path][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {path} does not document {status}: {sorted(responses)}"
    return responses[str(status)]["content"]["application/json"]["schema"]


ERROR_REF = {"$ref": "#/components/schemas/ErrorDetail"}


@pytest.mark.parametrize("method,path,template,kwargs,status,detail_kind", [
    ("GET", "/sessions/no-such-run", "/sessions/{session_id}", {}, 404, str),
    ("GET", "/sessions/bad id!", "/sessions/{session_id}", {}, 422, str),
    ("POST", "/training/stop", "/training/stop", {}, 409, str),
    ("GET", "/evaluation/nope", "/evaluation/{evaluation_id}", {}, 404, str),
    ("POST", "/training/start", "/training/start", {"json": {"model_path": "/m"}}, 422, list),
    ("POST", "/training/start", "/training/start",
     {"json": {"model_path": "/no/such/model", "train_data_path": "/t.jsonl"}}, 422, list),
    ("POST", "/training/start", "/training/start",
     {"content": b"{}", "headers": {"content-length": str(64 * 1024 * 1024), "content-type": "application/json"}},
     413, str),
])
def test_error_responses_are_documented_with_the_shape_returned(client, method, path, template, kwargs, status,
                                                                 detail_kind):
    schema = client.get("/openapi.json").json()
    assert _documented(schema, method, template, status) == ERROR_REF
    r = client.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    body = ErrorDetail.model_validate(r.json())
    assert isinstance(body.detail, detail_kind)
    assert set(r.json()) == {"detail"}


def test_a_dataset_refusal_matches_the_documented_shape(client, demo, tmp_path):
    bad = tmp_path / "train.jsonl"
    bad.write_text('{"messages": []}\nnot json\n')
    r = client.post("/training/start", json={"model_path": demo["model"], "train_data_path": str(bad)})
    assert r.status_code == 422, r.text
    body = ErrorDetail.model_validate(r.json())
    assert body.detail is not None and not isinstance(body.detail, str)


def test_every_json_route_documents_its_errors_and_response_model(client):
    schema = client.get("/openapi.json").json()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            responses = op["responses"]
            for code in ("401", "403", "413", "415", "422", "500"):
                assert responses[code]["content"]["application/json"]["schema"] == ERROR_REF, (method, path, code)
            ok = next(c for c in responses if c.startswith("2"))
            if ok == "204":
                continue
            content = responses[ok]["content"]
            if "text/event-stream" in content:
                continue
            assert content["application/json"]["schema"] not in ({}, {"type": "object"}), (method, path)

"""Model folders added from the Setup tab: listed at once, persisted under the data root, validated."""

import json
import shutil

from fastapi.testclient import TestClient

from backend.app import create_app


def model_names(client) -> set[str]:
    return {m["name"] for m in client.get("/models").json()}


def test_add_list_remove_and_persist_across_restart(client, settings, demo, tmp_path):
    shelf = tmp_path / "my-models"
    shutil.copytree(demo["model"], shelf / "tiny-llama")
    shutil.copytree(demo["model"], shelf / "tiny-llama-2")
    assert "tiny-llama" not in model_names(client)

    r = client.post("/models/folders", json={"path": str(shelf)})
    assert r.status_code == 201, r.text
    added = [f for f in r.json()["folders"] if f["source"] == "added"]
    assert added == [{"path": str(shelf.resolve()), "source": "added", "removable": True, "exists": True}]
    assert {"tiny-llama", "tiny-llama-2"} <= model_names(client)  # no restart, no ?refresh
    entry = next(m for m in client.get("/models").json() if m["name"] == "tiny-llama")
    assert entry["error"] is None and entry["num_hidden_layers"] >= 1
    # adding it again changes nothing
    assert client.post("/models/folders", json={"path": str(shelf) + "/"}).status_code == 201
    stored = json.loads((settings.data_dir / "settings.json").read_text())
    assert stored["model_folders"] == [str(shelf.resolve())]

    # a new app over the same data root (a restart) still lists it
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as again:
        assert "tiny-llama" in model_names(again)
        assert again.delete("/models/folders", params={"path": str(shelf)}).status_code == 204
        assert "tiny-llama" not in model_names(again)
        assert [f for f in again.get("/models/folders").json()["folders"] if f["source"] == "added"] == []
    assert json.loads((settings.data_dir / "settings.json").read_text())["model_folders"] == []


def test_a_single_model_dir_can_be_added(client, demo, tmp_path):
    one = tmp_path / "solo"
    shutil.copytree(demo["model"], one)
    assert client.post("/models/folders", json={"path": str(one)}).status_code == 201
    assert "solo" in model_names(client)


def test_bad_folders_are_refused_and_change_nothing(client, settings, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    a_file = tmp_path / "weights.bin"
    a_file.write_bytes(b"\0" * 16)
    cases = [
        ({"path": str(tmp_path / "missing")}, 422, "does not exist"),
        ({"path": str(a_file)}, 422, "not a directory"),
        ({"path": str(empty)}, 422, "no model found"),
        ({"path": "a\x00b"}, 422, "NUL"),
        ({"path": "/" + "x" * 300 + "/y"}, 422, "longer than"),
        ({"path": ""}, 422, ""),
        ({"path": "demo"}, 422, "is relative"),
        ({"path": 5}, 422, ""),
        ({"path": str(empty), "recursive": True}, 422, "recursive"),
        ({}, 422, ""),
    ]
    before = client.get("/models/folders").json()
    for body, status, words in cases:
        r = client.post("/models/folders", json=body)
        assert r.status_code == status, (body, r.text)
        assert words in json.dumps(r.json()["detail"]), (body, r.json())
    assert client.delete("/models/folders", params={"path": str(empty)}).status_code == 404
    assert client.delete("/models/folders", params={"path": "a\x00b"}).status_code == 404
    assert client.delete("/models/folders").status_code == 422
    assert client.get("/models/folders").json() == before
    assert not (settings.data_dir / "settings.json").exists()

"""POST/GET/PATCH/DELETE /queue: bad inputs are 4xx and leave the queue (and the disk) unchanged."""

import pytest

from tests.api.test_training_validation import body


def queue_ids(client):
    return [i["queue_id"] for i in client.get("/queue").json()["items"]]


@pytest.mark.parametrize("payload,loc,needle", [
    ({"kind": "sft", "config": {"train_data_path": "x"}}, ["body", "config", "model_path"], "Field required"),
    ({"kind": "sft", "config": {"lora_rank": 0}}, ["body", "config", "lora_rank"], "greater than or equal to 1"),
    ({"kind": "gpt", "config": {}}, ["body", "kind"], "'sft' or 'enhanced'"),
    ({"kind": "sft", "config": {}, "priority": 1}, ["body", "priority"], "Extra inputs"),
    ({"config": {}}, ["body", "kind"], "Field required"),
])
def test_bad_bodies_are_422(client, settings, payload, loc, needle):
    r = client.post("/queue", json=payload)
    assert r.status_code == 422, r.text
    assert any(e["loc"][:len(loc)] == loc and needle in e["msg"] for e in r.json()["detail"]), r.json()
    assert queue_ids(client) == []


def test_a_config_that_would_fail_to_start_is_refused_now(client, settings, demo, tmp_path):
    missing = client.post("/queue", json={"kind": "sft", "config": body(demo, model_path=str(tmp_path / "nope"))})
    assert missing.status_code == 422 and missing.json()["detail"][0]["loc"] == ["body", "config", "model_path"]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{not json\n')
    bad_data = client.post("/queue", json={"kind": "sft", "config": body(demo, train_data_path=str(broken),
                                                                          val_data_path=None)})
    assert bad_data.status_code == 422 and "problems" in str(bad_data.json()["detail"])
    warmup = client.post("/queue", json={"kind": "sft", "config": body(demo, iterations=4, warmup_steps=4)})
    assert warmup.status_code == 422 and warmup.json()["detail"][0]["loc"] == ["body", "config", "warmup_steps"]
    grpo = client.post("/queue", json={"kind": "enhanced", "config": {
        "model_path": demo["model"], "train_data_path": demo["grpo_train"], "reward_functions": ["no_such"]}})
    assert grpo.status_code == 422 and grpo.json()["detail"][0]["loc"] == ["body", "config", "reward_functions"]
    assert queue_ids(client) == []
    assert not settings.runs_dir.exists() or list(settings.runs_dir.iterdir()) == []
    assert client.get("/training/status").json()["state"] == "idle"


def test_unknown_and_malformed_ids(client):
    assert client.patch("/queue/q-000000000000", json={"position": 1}).status_code == 404
    assert client.delete("/queue/q-000000000000").status_code == 404
    assert client.delete("/queue/../../x").status_code in (404, 422)
    assert client.patch("/queue/not-an-id", json={"position": 1}).status_code == 422
    assert client.patch("/queue/q-000000000000", json={"position": 0}).status_code == 422
    assert client.patch("/queue/q-000000000000", json={"position": 1, "x": 1}).status_code == 422


def test_add_list_move_and_cancel_while_a_run_blocks_the_queue(client, demo):
    # a manual run holds the machine, so queued items stay queued while we rearrange them
    assert client.post("/training/start", json=body(demo, iterations=400, adapter_name="manual")).status_code == 201
    try:
        ids = []
        for name in ("a", "b", "c"):
            r = client.post("/queue", json={"kind": "sft", "config": body(demo, adapter_name=name)})
            assert r.status_code == 201 and r.json()["position"] == len(ids) + 1
            ids.append(r.json()["queue_id"])
        listed = client.get("/queue").json()["items"]
        assert [i["queue_id"] for i in listed] == ids and all(i["state"] == "queued" for i in listed)
        assert listed[0]["summary"]["adapter_name"] == "a" and listed[0]["summary"]["kind"] == "sft"
        assert client.patch(f"/queue/{ids[2]}", json={"position": 1}).json()["position"] == 1
        assert client.patch(f"/queue/{ids[0]}", json={"position": 99}).json()["position"] == 3
        assert client.delete(f"/queue/{ids[1]}").json()["state"] == "cancelled"
        listed = client.get("/queue").json()["items"]
        assert [(i["queue_id"], i["position"], i["state"]) for i in listed] == [
            (ids[2], 1, "queued"), (ids[0], 2, "queued"), (ids[1], None, "cancelled")]
    finally:
        for i in client.get("/queue").json()["items"]:
            if i["state"] == "queued":
                client.delete(f"/queue/{i['queue_id']}")
        client.post("/training/stop")

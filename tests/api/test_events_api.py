"""GET /events: the stored event log over HTTP, each event in its documented shape."""

import pytest

from backend.schemas.events import ServerEvent


def test_events_after_a_seq_in_their_documented_shape(client):
    hub = client.app.state.services.hub
    first = hub.notify("info", "Hello", "first")
    hub.publish("training_log", "run-x", {"line": "step 1/10: train loss 2.0"})
    hub.publish("training_completed", "run-x", {"step": 10, "total": 10, "final_train_loss": 1.5,
                                                 "final_val_loss": None, "best_val_loss": None,
                                                 "seconds": 3.2, "early_stopped": False, "rank": 0})
    events = client.get("/events", params={"after_seq": first["seq"]}).json()
    assert [e["type"] for e in events] == ["training_log", "training_completed"]
    assert [e["seq"] for e in events] == [first["seq"] + 1, first["seq"] + 2]
    assert events[1]["data"]["step"] == 10 and "steps_completed" not in events[1]["data"]
    for e in events:
        ServerEvent.model_validate(e)
    assert len(client.get("/events", params={"limit": 1}).json()) == 1


@pytest.mark.parametrize("params", [{"after_seq": -1}, {"after_seq": 2**63}, {"after_seq": "abc"},
                                    {"limit": 0}, {"limit": 10_001}])
def test_bad_event_queries_are_422(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], list)

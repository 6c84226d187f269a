"""stall_timeout_s on both run configs: bad values are refused (422, nothing created); a valid one is
recorded with the run."""

import pytest

from tests.api.test_training_validation import assert_nothing_changed, body


@pytest.mark.parametrize("endpoint", ["/training/start", "/training/start-enhanced"])
@pytest.mark.parametrize("value,needle", [
    (1, "greater than or equal to 5"),
    (10**6, "less than or equal to 86400"),
    ("soon", "valid number"),
])
def test_bad_stall_timeouts_are_refused(client, settings, demo, endpoint, value, needle):
    payload = body(demo, stall_timeout_s=value)
    if endpoint.endswith("enhanced"):
        payload.update(train_data_path=demo["grpo_train"], val_data_path=demo["grpo_valid"])
    r = client.post(endpoint, json=payload)
    assert r.status_code == 422, r.text
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", "stall_timeout_s"] and needle in err["msg"]
    assert_nothing_changed(client, settings)


def test_defaults_leave_it_to_the_step_time(client):
    defaults = client.get("/training/defaults").json()
    assert defaults["defaults"]["stall_timeout_s"] is None
    # an optional number's bounds are served too, so the Setup form refuses 3 s before sending it
    assert defaults["limits"]["stall_timeout_s"] == {"minimum": 5, "maximum": 86400}
    assert defaults["limits"]["max_grad_norm"]["exclusiveMinimum"] == 0

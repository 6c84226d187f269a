"""A real websocket client that records every event in a background thread."""

from __future__ import annotations

import json
import threading
import time

from websockets.sync.client import connect


class EventRecorder:
    def __init__(self, url: str, after_seq: int = 0):
        self.events: list[dict] = []
        self._ws = connect(f"{url}?after_seq={after_seq}", open_timeout=10)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for message in self._ws:
                self.events.append(json.loads(message))
        except Exception:  # noqa: BLE001 - closed
            pass

    def of_type(self, type_: str, run_id: str | None = None) -> list[dict]:
        return [e for e in self.events if e["type"] == type_ and (run_id is None or e["run_id"] == run_id)]

    def wait_for(self, type_: str, run_id: str | None = None, timeout: float = 180) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if found := self.of_type(type_, run_id):
                return found[-1]
            time.sleep(0.1)
        raise AssertionError(f"no {type_} event within {timeout}s; got {[e['type'] for e in self.events]}")

    def close(self) -> None:
        self._ws.close()
        self._thread.join(timeout=5)

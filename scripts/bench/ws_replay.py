"""Websocket replay under load: K clients reconnect at once and replay N stored events each.

A real server (`python -m backend serve`) over a data root whose log holds N events; K websocket
clients connect together with `after_seq=0` (what a reloading tab does after a long run) while an HTTP
client keeps polling /training/status. Reports whether every client got every event, in order, and the
aggregate replay throughput. Goal: N/N events for every client.

    .venv/bin/python scripts/bench/ws_replay.py [--events 5000] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


def seed_events(data_dir: Path, n: int) -> None:
    from backend.runs.store import RunStore

    store = RunStore(data_dir / "studio.db")
    store.create_run({"id": "bench-run", "kind": "sft", "name": "bench", "model_path": "-", "adapter_name": "bench",
                      "state": "completed", "config": {}, "total_steps": n, "summary": {}})
    for step in range(1, n + 1):
        store.append_event("progress", "bench-run", {"step": step, "total": n, "train_loss": 1.0 / step})
    store.close()


def start_server(data_dir: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "backend", "serve", "--port", str(port), "--data-dir",
                             str(data_dir), "--no-demo", "--log-level", "warning"],
                            env={**os.environ, "LORA_STUDIO_HF_CACHE": "0", "LORA_STUDIO_PARITY_YAML": ""},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


async def replay(url: str, n: int) -> tuple[int, bool]:
    from websockets.asyncio.client import connect

    seqs = []
    async with connect(url, max_size=None) as ws:
        async for message in ws:
            event = json.loads(message)
            if event.get("seq") is not None:
                seqs.append(event["seq"])
                if len(seqs) >= n:
                    break
    return len(seqs), seqs == sorted(seqs)


async def load(port: int, n: int, clients: int) -> dict:
    stop = asyncio.Event()

    async def poll() -> int:
        count = 0
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            while not stop.is_set():
                (await http.get("/training/status")).raise_for_status()
                count += 1
        return count

    poller = asyncio.create_task(poll())
    started = time.perf_counter()
    results = await asyncio.wait_for(asyncio.gather(*(replay(f"ws://127.0.0.1:{port}/ws?after_seq=0", n)
                                                      for _ in range(clients))), timeout=300)
    seconds = time.perf_counter() - started
    stop.set()
    polls = await poller
    return {"events": n, "clients": clients, "complete": sum(1 for got, ordered in results if got == n and ordered),
            "seconds": seconds, "events_per_sec": n * clients / seconds, "status_polls": polls}


def measure(n: int = 5000, clients: int = 20) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        seed_events(data_dir, n)
        proc, port = start_server(data_dir)
        try:
            return asyncio.run(load(port, n, clients))
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    r = measure(args.events, args.clients)
    print(f"{r['clients']} clients replayed {r['events']} events each in {r['seconds']:.2f} s "
          f"({r['events_per_sec']:.0f} events/s in all) while /training/status was polled {r['status_polls']} times")
    print(f"complete and in order: {r['complete']}/{r['clients']} clients (goal: all)")


if __name__ == "__main__":
    main()

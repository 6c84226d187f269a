"""Fixtures of the security suite: one real server per module (with a token, logging at info)."""

from __future__ import annotations

import pytest

from tests.conftest import LiveServer, new_data_root

TOKEN = "s3cret-token-4b1d"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory, demo_cache):
    """`python -m backend serve` as the Electron shell runs it: loopback, a token, access log on."""
    root = new_data_root(tmp_path_factory.mktemp("sec"), demo_cache)
    server = LiveServer(root, extra_env={"LORA_STUDIO_TOKEN": TOKEN}, log_level="info").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def open_server(tmp_path_factory, demo_cache):
    """A loopback server without a token (the default `lora-studio serve`)."""
    root = new_data_root(tmp_path_factory.mktemp("open"), demo_cache)
    server = LiveServer(root, log_level="info").start()
    yield server
    server.stop()

"""The two-host set-up leaves nothing behind: namespaces, links, sshds, keys, and /root/.ssh/config
exactly as it was (also a config that has global options before any Host line)."""

import os
import subprocess

import pytest

from tests.netns.hosts import SSH_CONFIG, TwoHosts, probe, unavailable_here

USER_CONFIG = "ServerAliveInterval 7\n\nHost example-build-box\n  User builder\n"


def _links() -> str:
    return subprocess.run(["ip", "-o", "link"], check=True, capture_output=True, text=True).stdout


UNAVAILABLE = unavailable_here()


@pytest.mark.skipif(UNAVAILABLE is not None, reason=f"two-host test needs network namespaces (root): {UNAVAILABLE}")
def test_up_then_down_restores_everything():
    why = probe()
    assert why is None, f"network namespaces cannot be made here: {why}"
    before = SSH_CONFIG.read_text() if SSH_CONFIG.exists() else None
    SSH_CONFIG.parent.mkdir(mode=0o700, exist_ok=True)
    SSH_CONFIG.write_text(USER_CONFIG)
    hosts = TwoHosts()
    sshds: list[int] = []
    try:
        hosts.up()
        sshds = list(hosts.sshd_pids)
        text = SSH_CONFIG.read_text()
        assert text.endswith(USER_CONFIG) and text.index("Host *") < text.index(USER_CONFIG)
        # ssh really uses the throw-away key, host 2 answers from its own namespace
        out = hosts.run_in(hosts.namespaces[0], "ssh", hosts.ssh_names[1], "readlink /proc/self/ns/net")
        assert out.stdout.strip() == f"net:[{os.stat(f'/run/netns/{hosts.namespaces[1]}').st_ino}]"
        # the user's own settings still apply to other hosts
        cfg = hosts.run_in(hosts.namespaces[0], "ssh", "-G", "example-build-box").stdout
        assert "user builder" in cfg and "serveraliveinterval 7" in cfg
    finally:
        hosts.down()
        after = SSH_CONFIG.read_text()
        if before is None:
            SSH_CONFIG.unlink()
        else:
            SSH_CONFIG.write_text(before)
    assert after == USER_CONFIG
    listed = subprocess.run(["ip", "netns", "list"], check=True, capture_output=True, text=True).stdout
    assert not any(ns in listed for ns in hosts.namespaces)
    assert not any(link in _links() for link in hosts.links)
    assert not hosts.dir.exists()
    assert sshds and not any(os.path.exists(f"/proc/{pid}") for pid in sshds)

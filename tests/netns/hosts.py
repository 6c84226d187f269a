"""Two "hosts" on one Linux machine: network namespaces joined by a veth pair, an sshd in each.

Host 1 (10.213.0.1) runs the studio and rank 0; host 2 (10.213.0.2) is reached over ssh like any
remote machine. Both share this machine's filesystem and Python, which is all a remote rank needs.
ssh (as mlx.launch runs it: `ssh -tt -o LogLevel=QUIET HOST CMD`, no -F) finds the throw-away key
through a Host block prepended to /root/.ssh/config for these addresses and names only; `down()`
restores that file byte for byte and removes everything `up()` created, also after a partial `up()`.

By hand (as root): `python -m tests.netns.hosts up` prints what it made; `... down` removes it.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBNET = "10.213.0"
ADDRESSES = (f"{SUBNET}.1", f"{SUBNET}.2")
SSH_NAMES = ("ls-node1", "ls-node2")  # for hostfiles that name hosts by ssh name
SSH_CONFIG = Path("/root/.ssh/config")
STATE_FILE = Path(tempfile.gettempdir()) / "lora-studio-netns.json"
MARK = "# lora-studio netns test"
CLONE_NEWNET = 0x40000000


class NamespaceUnavailable(RuntimeError):
    """This machine cannot create network namespaces (not root, no CAP_NET_ADMIN, no ip)."""


def _run(*cmd: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=30)


def probe() -> str | None:
    """None when namespaces can be made here, else why not (tried for real with `ip netns add`)."""
    if shutil.which("ip") is None:
        return "the `ip` tool (iproute2) is not installed"
    if shutil.which("sshd") is None and not Path("/usr/sbin/sshd").exists():
        return "sshd is not installed (apt-get install -y openssh-server; `make system-deps` does it)"
    name = f"lsprobe{os.getpid()}"
    res = _run("ip", "netns", "add", name, check=False)
    if res.returncode != 0:
        return f"`ip netns add` failed: {res.stderr.strip() or res.returncode}"
    _run("ip", "netns", "del", name, check=False)
    return None


def unavailable_here() -> str | None:
    """Why the two-host tests cannot run on this machine, for a `skipif` (None: they run).

    Only a developer's machine without namespaces (not root, no iproute2/sshd) skips, saying why.
    Under CI (`CI` set, as root, the set-up installed by `make system-deps`) nothing is skipped: a
    missing capability there makes the `hosts` fixture fail with the reason instead of hiding it."""
    if os.environ.get("CI"):
        return None
    return probe()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def clean_stale() -> None:
    """What an earlier test process left when it was killed before its finalizers ran (a set-up made
    by hand with `up`, recorded in STATE_FILE, is left alone)."""
    manual = set()
    if STATE_FILE.exists():
        manual = {int(ns.rsplit("-", 1)[1]) for ns in json.loads(STATE_FILE.read_text())["namespaces"]}

    def dead(pid: int) -> bool:
        return pid not in manual and not _pid_alive(pid)

    listed = _run("ip", "netns", "list", check=False).stdout
    for ns, pid in re.findall(r"^(lsns[12]-(\d+))\b", listed, flags=re.MULTILINE):
        if dead(int(pid)):
            for inside in _run("ip", "netns", "pids", ns, check=False).stdout.split():
                try:
                    os.kill(int(inside), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
            _run("ip", "netns", "del", ns, check=False)
    for path in Path(tempfile.gettempdir()).glob("lora-studio-netns-*-*"):
        m = re.match(r"lora-studio-netns-(\d+)-", path.name)
        if m and dead(int(m.group(1))):
            shutil.rmtree(path, ignore_errors=True)
    if SSH_CONFIG.exists():
        text = SSH_CONFIG.read_text()
        block = re.compile(rf"^{re.escape(MARK)} (\d+) .*?^{re.escape(MARK)} end\n", re.MULTILINE | re.DOTALL)
        kept = block.sub(lambda m: "" if dead(int(m.group(1))) else m.group(0), text)
        if kept != text and kept.strip():
            SSH_CONFIG.write_text(kept)
        elif kept != text:
            SSH_CONFIG.unlink()




class TwoHosts:
    def __init__(self) -> None:
        tag = str(os.getpid())
        self.namespaces = (f"lsns1-{tag}", f"lsns2-{tag}")
        self.links = (f"lsv1-{tag}", f"lsv2-{tag}")
        self.addresses = ADDRESSES
        self.ssh_names = SSH_NAMES
        self.dir = Path(tempfile.mkdtemp(prefix=f"lora-studio-netns-{tag}-"))
        self.sshd_pids: list[int] = []
        self.ssh_config_before: str | None = None  # None: the file did not exist
        self.ssh_config_touched = False
        self._own_netns: int | None = None

    # -- setting up --------------------------------------------------------------------------
    def up(self) -> TwoHosts:
        clean_stale()
        v1, v2 = self.links
        for ns in self.namespaces:
            _run("ip", "netns", "add", ns)
        _run("ip", "link", "add", v1, "type", "veth", "peer", "name", v2)
        for ns, link, addr in zip(self.namespaces, self.links, self.addresses):
            _run("ip", "link", "set", link, "netns", ns)
            _run("ip", "-n", ns, "addr", "add", f"{addr}/24", "dev", link)
            _run("ip", "-n", ns, "link", "set", link, "up")
            _run("ip", "-n", ns, "link", "set", "lo", "up")
        self._keys()
        for ns, addr in zip(self.namespaces, self.addresses):
            self._start_sshd(ns, addr)
        self._write_ssh_config()
        for addr in self.addresses:
            self._wait_ssh(addr)
        return self

    def _keys(self) -> None:
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.dir / "host_key"))
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.dir / "user_key"))
        shutil.copy(self.dir / "user_key.pub", self.dir / "authorized_keys")
        os.chmod(self.dir, 0o700)

    def _start_sshd(self, ns: str, addr: str) -> None:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation directory
        config = self.dir / f"sshd_{addr}.conf"
        config.write_text("\n".join([
            f"ListenAddress {addr}", "Port 22", f"HostKey {self.dir / 'host_key'}",
            f"AuthorizedKeysFile {self.dir / 'authorized_keys'}", f"PidFile {self.dir / f'sshd_{addr}.pid'}",
            "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "UsePAM no", "StrictModes no", "PrintMotd no", "AcceptEnv LANG LC_*", "MaxStartups 50",
            "MaxSessions 50", "ClientAliveInterval 0", "",
        ]))
        proc = subprocess.Popen(["ip", "netns", "exec", ns, "/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
                                stdout=(self.dir / f"sshd_{addr}.log").open("ab"), stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.sshd_pids.append(proc.pid)

    def _write_ssh_config(self) -> None:
        SSH_CONFIG.parent.mkdir(mode=0o700, exist_ok=True)
        self.ssh_config_before = SSH_CONFIG.read_text() if SSH_CONFIG.exists() else None
        options = [f"  IdentityFile {self.dir / 'user_key'}", "  IdentitiesOnly yes", "  User root",
                   "  BatchMode yes", "  StrictHostKeyChecking no",
                   f"  UserKnownHostsFile {self.dir / 'known_hosts'}", "  ConnectTimeout 5"]
        lines = [f"{MARK} {os.getpid()} (removed when the test ends)"]
        for name, addr in zip(self.ssh_names, self.addresses):
            lines += [f"Host {name}", f"  HostName {addr}", *options]
        # `Host *` last: options the file had before any Host line stay global, as they were.
        lines += [f"Host {' '.join(self.addresses)}", *options, "Host *", f"{MARK} end", ""]
        # First: ssh takes the first value it finds for each option.
        SSH_CONFIG.write_text("\n".join(lines) + (self.ssh_config_before or ""))
        os.chmod(SSH_CONFIG, 0o600)
        self.ssh_config_touched = True

    def _wait_ssh(self, addr: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while True:
            res = self.run_in(self.namespaces[0], "ssh", addr, "true", check=False)
            if res.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"ssh to {addr} did not work: {res.stderr.strip()}")
            time.sleep(0.3)

    # -- using -------------------------------------------------------------------------------
    def run_in(self, ns: str, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        return _run("ip", "netns", "exec", ns, *cmd, check=check)

    def set_link(self, index: int, up: bool) -> None:
        """Takes host `index`'s link down (a partition) or up again."""
        _run("ip", "-n", self.namespaces[index], "link", "set", self.links[index], "up" if up else "down")

    def enter(self, index: int = 0) -> None:
        """Moves this thread into host `index`'s network namespace (leave() comes back): its sockets
        (HTTP, websocket) and the processes it starts are then on that host."""
        libc = ctypes.CDLL(None, use_errno=True)
        if self._own_netns is None:
            self._own_netns = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        fd = os.open(f"/run/netns/{self.namespaces[index]}", os.O_RDONLY)
        try:
            if libc.setns(fd, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns failed")
        finally:
            os.close(fd)

    def leave(self) -> None:
        if self._own_netns is None:
            return
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.setns(self._own_netns, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns back failed")
        os.close(self._own_netns)
        self._own_netns = None

    # -- tearing down ------------------------------------------------------------------------
    def down(self) -> None:
        """Everything up() made, in reverse; never raises (it runs in finalizers)."""
        try:
            self.leave()
        except OSError:
            pass
        if self.ssh_config_touched:
            if self.ssh_config_before is None:
                SSH_CONFIG.unlink(missing_ok=True)
            else:
                SSH_CONFIG.write_text(self.ssh_config_before)
            self.ssh_config_touched = False
        for ns in self.namespaces:  # anything still running inside (ranks, ssh sessions, the studio)
            res = _run("ip", "netns", "pids", ns, check=False)
            for pid in res.stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
        for pid in self.sshd_pids:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.sshd_pids.clear()
        for ns in self.namespaces:  # deleting a namespace deletes its end of the veth, and so the pair
            _run("ip", "netns", "del", ns, check=False)
        _run("ip", "link", "del", self.links[0], check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def describe(self) -> dict:
        return {"namespaces": self.namespaces, "links": self.links, "addresses": self.addresses,
                "ssh_names": self.ssh_names, "dir": str(self.dir), "sshd_pids": self.sshd_pids,
                "ssh_config_before": self.ssh_config_before}


def main(argv: list[str]) -> int:
    if argv[:1] == ["up"]:
        if why := probe():
            print(f"cannot create namespaces here: {why}", file=sys.stderr)
            return 1
        hosts = TwoHosts()
        try:
            hosts.up()
        except BaseException:
            hosts.down()
            raise
        STATE_FILE.write_text(json.dumps(hosts.describe()))
        print(json.dumps(hosts.describe(), indent=1))
        print(f"studio: ip netns exec {hosts.namespaces[0]} python -m backend serve --host 127.0.0.1; "
              f"remove with: python -m tests.netns.hosts down")
        return 0
    if argv[:1] == ["down"]:
        state = json.loads(STATE_FILE.read_text())
        hosts = TwoHosts.__new__(TwoHosts)
        hosts.namespaces, hosts.links = tuple(state["namespaces"]), tuple(state["links"])
        hosts.addresses, hosts.ssh_names = tuple(state["addresses"]), tuple(state["ssh_names"])
        hosts.dir, hosts.sshd_pids = Path(state["dir"]), []
        hosts.ssh_config_before, hosts.ssh_config_touched = state["ssh_config_before"], True
        hosts._own_netns = None
        for pid in state["sshd_pids"]:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        hosts.down()
        STATE_FILE.unlink(missing_ok=True)
        return 0
    print("usage: python -m tests.netns.hosts up|down", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

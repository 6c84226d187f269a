"""DistributedConfig: the run config's "Distributed" section (multi-process training via mlx.launch).

Off by default. When on, the same runner starts once per process under MLX's launcher; mlx-lm's
trainer averages gradients across the ranks. `batch_size` in the run config is then the batch of ONE
rank; the global (effective) batch is batch_size × world size.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from backend.schemas.paths import PathStr

Backend = Literal["ring", "mpi"]


def load_hostfile(path: str):
    """Parses a hostfile with mlx's own parser, so we accept exactly what mlx.launch accepts."""
    from mlx._distributed_utils.common import Hostfile

    try:
        hostfile = Hostfile.from_file(path)  # ValueError with mlx's own message when bad
    except ValueError:
        raise
    except Exception as exc:  # noqa: BLE001 - mlx's parser assumes well-formed JSON entries
        raise ValueError(f"hostfile {path} is not an mlx.launch hostfile ({type(exc).__name__}: {exc})") from exc
    if not hostfile.hosts:
        raise ValueError(f"hostfile {path} lists no hosts")
    for host in hostfile.hosts:
        if not isinstance(host.ssh_hostname, str) or not host.ssh_hostname:
            raise ValueError(f"hostfile {path}: host {host.rank} has no \"ssh\" name")
    return hostfile


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        return False


class DistributedConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = Field(False, description="Train with several processes (on one or more machines).")
    hosts: list[str] = Field(default_factory=list, description=(
        "Hosts in rank order, the first one being this machine (rank 0 writes events and adapters). "
        "The ring backend needs IP addresses, e.g. [\"10.0.0.1\", \"10.0.0.2\"]; [\"127.0.0.1\"] with "
        "2 processes per host tries it on one machine."))
    hostfile: PathStr | None = Field(None, description="Path of a hostfile in mlx.launch's JSON format "
                                                   "(instead of hosts).")
    processes_per_host: int = Field(1, ge=1, le=64, description="Processes started on each host.")
    backend: Backend = Field("ring", description="mx.distributed backend: ring (TCP, Thunderbolt or "
                                                 "ethernet) or mpi (needs mpirun).")
    python: PathStr | None = Field(None, description="Python interpreter on every host (default: the "
                                                 "server's own interpreter path, which must exist there).")
    starting_port: int | None = Field(None, ge=1024, le=65000,
                                      description="First TCP port of the ring (one per rank); default: "
                                                  "a free port range picked at launch.")
    # Hosts read from the hostfile at validation: the world size must not change (or vanish) if the
    # file is edited or deleted while a run is recorded.
    _file_hosts: list[dict] | None = PrivateAttr(None)

    @field_validator("hosts")
    @classmethod
    def _clean_hosts(cls, hosts: list[str]) -> list[str]:
        cleaned = [h.strip() for h in hosts]
        for h in cleaned:
            if not h or any(c in h for c in ", \t\n'\"$;|&`"):
                raise ValueError(f"{h!r} is not a host name or IP address")
        return cleaned

    @field_validator("hostfile", "python")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if isinstance(v, str) else v

    @model_validator(mode="after")
    def _consistent(self) -> "DistributedConfig":
        if self.enabled:
            self.validate_hosts()
        return self

    # -- derived ------------------------------------------------------------------------------
    def validate_hosts(self) -> None:
        if self.hosts and self.hostfile:
            raise ValueError("give either hosts or a hostfile, not both")
        if not self.hosts and not self.hostfile:
            raise ValueError("distributed training needs hosts (e.g. [\"127.0.0.1\"]) or a hostfile")
        if self.hostfile:
            if Path(self.hostfile).is_dir():
                raise ValueError(f"hostfile {self.hostfile} is a directory, not a file")
            if not Path(self.hostfile).is_file():
                raise ValueError(f"hostfile {self.hostfile} does not exist")
            hostfile = load_hostfile(self.hostfile)
            self._file_hosts = [{"ssh": h.ssh_hostname, "ips": list(h.ips), "rdma": list(h.rdma)}
                                for h in hostfile.hosts]
            if self.backend == "ring":
                missing = [h.ssh_hostname for h in hostfile.hosts if not h.ips]
                if missing:
                    raise ValueError(f"the ring backend needs \"ips\" for every host in the hostfile; "
                                     f"missing for {', '.join(missing)}")
        elif self.backend == "ring":
            names = [h for h in self.hosts if not _is_ip(h)]
            if names:
                raise ValueError(f"the ring backend needs IP addresses, not names: {', '.join(names)} "
                                 "(use a hostfile to give ssh names and IPs separately)")
        if self.world_size < 2:
            raise ValueError("distributed training needs at least 2 processes (world size is 1): add a "
                             "host or raise processes_per_host, or turn distributed off")

    def host_entries(self) -> list[dict]:
        """One hostfile entry per rank, in rank order (hosts repeated processes_per_host times)."""
        if not self.enabled and not self.hosts and not self.hostfile:
            return []
        if self.hostfile:
            base = self._hostfile_hosts()
        else:
            base = [{"ssh": h, "ips": [h] if _is_ip(h) else [], "rdma": []} for h in self.hosts]
        return [dict(entry) for entry in base for _ in range(self.processes_per_host)]

    @property
    def world_size(self) -> int:
        if not self.enabled:
            return 1
        if self.hostfile:
            try:
                return len(self._hostfile_hosts()) * self.processes_per_host
            except ValueError:
                return 0
        return len(self.hosts) * self.processes_per_host

    def _hostfile_hosts(self) -> list[dict]:
        if self._file_hosts is None:
            self._file_hosts = [{"ssh": h.ssh_hostname, "ips": list(h.ips), "rdma": list(h.rdma)}
                                for h in load_hostfile(self.hostfile).hosts]
        return self._file_hosts


class DistributedCheck(DistributedConfig):
    """Body of POST /training/distributed/check: the section to test, checked as if it were on."""

    enabled: bool = True
    paths: list[PathStr] = Field(default_factory=list, description=(
        "Paths every host must see (e.g. the model directory); each rank reports the ones it lacks."))
    timeout_s: float = Field(30.0, gt=0, le=300, description="Give up (and stop every rank) after this long.")

    @model_validator(mode="after")
    def _always_on(self) -> "DistributedCheck":
        self.enabled = True
        self.validate_hosts()
        return self

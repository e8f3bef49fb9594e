"""The machine a benchmark ran on: CPU, memory, load before and after, process memory and
CPU time, and the slug result files are named by."""

from __future__ import annotations

import contextlib
import os
import platform
import re
from pathlib import Path
from typing import Any


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine_info() -> dict[str, Any]:
    """CPU model, cores, RAM, Python, driver and ArcadeDB versions, and how busy the box is."""
    cpu = re.search(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    info: dict[str, Any] = {
        "cpu": cpu.group(1).strip() if cpu else platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "ram_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }
    with contextlib.suppress(Exception):
        import arcadedb_embedded

        info["arcadedb"] = str(getattr(arcadedb_embedded, "__version__", "?"))
    with contextlib.suppress(Exception):
        import neo4j

        info["neo4j_driver"] = neo4j.__version__
        from neo4j._codec.packstream import v1

        info["neo4j_rust_ext"] = getattr(v1, "_rust_pack", None) is not None
    return info


def load_snapshot() -> dict[str, Any]:
    """Load average and CPU pressure: the machine is shared, so say how busy it was."""
    snap: dict[str, Any] = {"loadavg": _read("/proc/loadavg").split()[:3]}
    m = re.search(r"some avg10=([\d.]+) avg60=([\d.]+)", _read("/proc/pressure/cpu"))
    if m:
        snap["cpu_pressure_avg10"] = float(m.group(1))
        snap["cpu_pressure_avg60"] = float(m.group(2))
    return snap


def machine_slug(info: dict[str, Any]) -> str:
    cpu = re.sub(r"\(.*?\)|processor|cpu|@.*$", "", str(info["cpu"]), flags=re.I)
    slug = re.sub(r"[^a-z0-9]+", "-", cpu.lower()).strip("-") or "machine"
    return f"{slug}-{info['cores']}c"


def _status_kib(pid: int, field: str) -> int | None:
    m = re.search(rf"^{field}:\s*(\d+) kB", _read(f"/proc/{pid}/status"), re.M)
    return int(m.group(1)) if m else None


def _cpu_seconds(pid: int) -> float | None:
    stat = _read(f"/proc/{pid}/stat")
    if not stat:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

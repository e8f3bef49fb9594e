"""The network view as a Streamlit custom component: vis-network loads once, draws get data.

The component's page, `assets/network/index.html`, loads vis-network and the drawing code
(`assets/network/network.js`) as files served by Streamlit, once per browser tab; every
draw afterwards sends only the subgraph (`figures.render.network_data`) as the component's
argument. Nothing is fetched from anywhere but the Streamlit server.

vis-network is not kept in this repository: `component_dir` copies it from the installed
pyvis into `assets/network/vendor/` (gitignored) the first time it is needed in a process,
each file through a temporary file and an atomic rename, so that processes starting
together never serve half a file, and a pyvis upgrade is picked up on the next start. When
the checkout cannot be written, the whole component folder is assembled in the user's cache
folder (`$XDG_CACHE_HOME/courtgraph/`, else the system's temporary folder) instead.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from figures.render import NETWORK_ASSETS, VIS_FILES, pyvis_lib

COMPONENT = "network"
PAGES = ("index.html", "network.js", "network.css")  # the component's own files


def _install(data: bytes, target: Path) -> None:
    """Make `target` hold `data`: left alone when it already does, else replaced atomically."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    except OSError:
        pass  # not there yet
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _vis_lib() -> Path:
    """pyvis's vis-network folder, found without importing pyvis (it imports IPython and
    jinja: a tenth of a second or more on the first visit of 网络), else as pyvis says."""
    spec = importlib.util.find_spec("pyvis")
    for root in (spec.submodule_search_locations or []) if spec else []:
        for lib in (
            Path(root) / "templates" / "lib" / "vis-9.1.2",
            Path(root) / "lib" / "vis-9.1.2",
        ):
            if all((lib / name).is_file() for name in VIS_FILES):
                return lib
    return pyvis_lib()


def assemble(folder: Path, *, pages: bool) -> Path:
    """Put vis-network from pyvis into `folder`/vendor (and, with `pages`, the component's own
    files beside it); returns `folder`. Raises OSError when `folder` cannot be written."""
    vendor = folder / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    lib = _vis_lib()
    for name in VIS_FILES:
        _install((lib / name).read_bytes(), vendor / name)
    if pages:
        for name in PAGES:
            _install((NETWORK_ASSETS / name).read_bytes(), folder / name)
    return folder


def _cache_folders() -> list[Path]:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    user = getattr(os, "getuid", lambda: "user")()
    return [
        Path(cache) / "courtgraph" / "network-component",
        Path(tempfile.gettempdir()) / f"courtgraph-{user}" / "network-component",
    ]


@lru_cache(maxsize=1)
def component_dir() -> Path:
    """The folder Streamlit serves the component from, with vis-network in place."""
    try:
        return assemble(NETWORK_ASSETS, pages=False)
    except OSError as first:
        for folder in _cache_folders():
            try:
                return assemble(folder, pages=True)
            except OSError:
                continue
        raise first


def network_view(data: dict[str, Any], *, key: str) -> None:
    """Draw `data` (from `figures.render.network_data`) in the component; with the same `key`
    on every run the browser keeps the component's page and only redraws the network."""
    import streamlit.components.v1 as components

    component = components.declare_component(COMPONENT, path=str(component_dir()))
    component(data=data, key=key, default=None)

"""The network component's folder: vis-network copied from the installed pyvis, atomically,
into a gitignored folder (or the user's cache when the checkout cannot be written)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from figures.render import NETWORK_ASSETS, VIS_FILES, pyvis_lib
from ui import network_component as nc


def _references(index: Path) -> list[str]:
    html = index.read_text(encoding="utf-8")
    return re.findall(r"<(?:script|link)\b[^>]*?(?:src|href)=\"([^\"]+)\"", html)


def test_assembled_folder_serves_pyvis_vis_network_and_nothing_remote(tmp_path: Path) -> None:
    folder = nc.assemble(tmp_path / "component", pages=True)
    for name in VIS_FILES:
        assert (folder / "vendor" / name).read_bytes() == (pyvis_lib() / name).read_bytes()
    for name in nc.PAGES:
        assert (folder / name).read_bytes() == (NETWORK_ASSETS / name).read_bytes()
    refs = _references(folder / "index.html")
    assert "vendor/vis-network.min.js" in refs and "network.js" in refs
    for ref in refs:  # relative paths to files in the folder: served by Streamlit, no CDN
        assert not re.match(r"^(https?:)?//|^/", ref), ref
        assert (folder / ref).is_file(), ref


def test_a_stale_copy_is_replaced_and_nothing_is_left_behind(tmp_path: Path) -> None:
    folder = nc.assemble(tmp_path, pages=False)
    js = folder / "vendor" / "vis-network.min.js"
    js.write_bytes(b"/* half a file */")
    nc.assemble(tmp_path, pages=False)
    assert js.read_bytes() == (pyvis_lib() / "vis-network.min.js").read_bytes()
    assert sorted(p.name for p in (folder / "vendor").iterdir()) == sorted(VIS_FILES)


def test_processes_starting_together_never_see_half_a_file(tmp_path: Path) -> None:
    # two versions of a big file, written over each other by 8 writers while one reads
    versions = [bytes([i]) * 2_000_000 for i in (1, 2)]
    target = tmp_path / "vis-network.min.js"
    errors: list[BaseException] = []
    seen: list[bytes] = []
    start = threading.Barrier(9)
    done = threading.Event()

    def write(i: int) -> None:
        try:
            start.wait()
            for j in range(10):
                nc._install(versions[(i + j) % 2], target)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def read() -> None:
        start.wait()
        while not done.is_set():
            try:
                seen.append(target.read_bytes())
            except FileNotFoundError:
                continue

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    reader = threading.Thread(target=read)
    for t in [*threads, reader]:
        t.start()
    for t in threads:
        t.join(timeout=60)
    done.set()
    reader.join(timeout=10)
    seen.append(target.read_bytes())
    assert not errors, errors
    assert all(data in versions for data in seen), {len(d) for d in seen}
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary files left


def test_a_read_only_checkout_uses_the_cache_folder(tmp_path: Path, monkeypatch) -> None:
    real_install = nc._install

    def install(data: bytes, target: Path) -> None:
        if NETWORK_ASSETS in target.parents:
            raise PermissionError(13, "read-only file system", str(target))
        real_install(data, target)

    monkeypatch.setattr(nc, "_install", install)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    nc.component_dir.cache_clear()
    try:
        folder = nc.component_dir()
    finally:
        nc.component_dir.cache_clear()
    assert folder == tmp_path / "cache" / "courtgraph" / "network-component"
    assert (folder / "index.html").is_file()
    assert (folder / "vendor" / "vis-network.min.js").is_file()


def test_in_a_writable_checkout_the_component_is_served_from_assets() -> None:
    nc.component_dir.cache_clear()
    assert nc.component_dir() == NETWORK_ASSETS
    assert (NETWORK_ASSETS / "vendor" / "vis-network.min.js").is_file()
    # the copy is never committed
    assert "vendor/" in (NETWORK_ASSETS / ".gitignore").read_text(encoding="utf-8").split()


@pytest.mark.parametrize("name", nc.PAGES)
def test_the_component_pages_are_in_the_repository(name: str) -> None:
    assert (NETWORK_ASSETS / name).stat().st_size > 100

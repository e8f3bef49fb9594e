"""Where the files shipped with courtgraph live, in a checkout and when installed.

In a checkout (and with `pip install -e .`) they are the repository's `data/` and `assets/`
folders; a wheel carries the same files inside this package (`courtgraph/data`,
`courtgraph/assets`, declared in pyproject.toml), so the libraries find them from any
working directory. Nothing here imports the rest of courtgraph.

>>> (DATA / "initiatives.json").is_file()
True
>>> (ASSETS / "network" / "network.js").is_file()
True
>>> STREAMLIT_CONFIG.is_file()
True
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _folder(name: str, checkout: str | None = None) -> Path:
    """The installed copy (inside this package) if there is one, else the checkout's."""
    installed = _HERE / name
    return installed if installed.is_dir() else _HERE.parent / (checkout or name)


DATA = _folder("data")  # initiatives.json, courts/, gazetteer/, sample/ …
ASSETS = _folder("assets")  # fonts/, network/ (the explorer's network component)
# the explorer's Streamlit settings (offline: no usage statistics, no file watching …)
STREAMLIT_CONFIG = _folder("streamlit_config", ".streamlit") / "config.toml"

"""What every command line of courtgraph shares when it runs as a program."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator


def run_main(main: Callable[[], int]) -> None:
    """Exit with `main()`'s status; output piped into `head` and the like ends quietly (the
    status a shell gives a program stopped by a closed pipe) instead of with a traceback."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error
        sys.exit(141)
    sys.exit(status)


#: how the `courtgraph` command named the running module's command line (None: `python -m …`)
_called_as: str | None = None


def prog(module_form: str) -> str:
    """The program name a command line shows in its usage and errors: `courtgraph query` when
    the `courtgraph` command runs it, else its `python -m …` form.

    >>> prog("python -m queries")
    'python -m queries'
    >>> with called_as("courtgraph query"):
    ...     prog("python -m queries"), prog("python -m queries extract")
    ('courtgraph query', 'courtgraph query extract')
    """
    if _called_as is None:
        return module_form
    head, _, rest = module_form.removeprefix("python -m ").partition(" ")
    return f"{_called_as} {rest}".strip()


@contextlib.contextmanager
def called_as(name: str) -> Iterator[None]:
    """Run a module's `main(argv)` as the `courtgraph` subcommand `name`."""
    global _called_as
    before, _called_as = _called_as, name
    try:
        yield
    finally:
        _called_as = before

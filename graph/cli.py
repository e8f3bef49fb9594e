"""What every command line of courtgraph shares when it runs as a program."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


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

"""One parse at a time: CPython's AST constructor is not thread-safe before 3.13.

``ast.parse`` keeps its recursion depth in interpreter-wide state (gh-106905); two threads parsing
at once can fail with ``SystemError: AST constructor recursion depth mismatch``. mathllm parses
programs in threads (the questions of one problem are solved at once, the workbench solves in a
background pool), so ``ast.parse`` (and ``ast.literal_eval``, which calls it) is serialised by a
lock. A parse takes microseconds to milliseconds; the lock costs nothing measurable.
"""

from __future__ import annotations

import ast
import sys
import threading

_LOCK = threading.RLock()


def install() -> None:
    """Wrap ``ast.parse`` in a lock, once (a no-op on Python 3.13 and later)."""
    if sys.version_info >= (3, 13) or getattr(ast.parse, "_mathllm_locked", False):
        return
    parse = ast.parse

    def locked_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
        with _LOCK:
            return parse(*args, **kwargs)

    locked_parse._mathllm_locked = True  # type: ignore[attr-defined]
    locked_parse.__doc__ = parse.__doc__
    ast.parse = locked_parse  # type: ignore[assignment]

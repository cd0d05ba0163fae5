"""Exceptions for user and programmer errors.

Bad *model output* is never an exception: it is data (a result with flags and a message).
These exceptions are for things the user can fix (a wrong path, a malformed problem file, an
unreachable server) and carry one clear message; the CLI prints it and exits with ``exit_code``.
"""

from __future__ import annotations


class MathllmError(Exception):
    """Base class: a user-facing error with one clear message."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class ProblemError(MathllmError):
    """A problem file that cannot be read or parsed."""


class UsageError(MathllmError):
    """Bad options or arguments."""


class BackendError(MathllmError):
    """The model backend cannot be used (missing model or adapter, unreachable server)."""


class SandboxError(MathllmError):
    """The sandbox itself could not be started (not: the program failed inside it)."""


class DataError(MathllmError):
    """A data file (JSONL, CSV, answer key) that cannot be read."""

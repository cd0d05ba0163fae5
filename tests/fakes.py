"""Test doubles for the model. Never used as a default anywhere outside tests/."""

from __future__ import annotations

from typing import Callable, Sequence

from mathllm.prompt import CODE_CLOSE


class ScriptedGenerator:
    """A generator that returns scripted programs instead of calling a model.

    ``script`` is either a list of programs, handed out in order (and repeated from the last
    one when exhausted), or a function ``prompt -> program``. Each completion is returned as
    the model would write it: the program followed by the closing code fence.
    """

    name = "scripted"

    def __init__(self, script: Sequence[str] | Callable[[str], str], delay_s: float = 0.0) -> None:
        self.script = script
        self.delay_s = delay_s
        self.calls: list[tuple[list[str], int]] = []
        self._i = 0
        self.info = {"backend": "scripted", "model": "scripted", "adapter": None, "tuned": False}

    def _next(self, prompt: str) -> str:
        if callable(self.script):
            return self.script(prompt)
        prog = self.script[min(self._i, len(self.script) - 1)]
        self._i += 1
        return prog

    def generate(self, prompts: list[str], *, n: int = 1, max_new_tokens: int = 512,
                 temperature: float = 0.0, stop: list[str] | None = None) -> list[list[str]]:
        import time

        self.calls.append((list(prompts), n))
        if self.delay_s:
            time.sleep(self.delay_s)
        return [[self._next(p).rstrip() + "\n" + CODE_CLOSE + "\n" for _ in range(n)] for p in prompts]

    def load(self, progress: Callable[[str, float | None], None] | None = None) -> None:
        pass  # the real backends load lazily; nothing to do here (same signature: solve passes progress=)

"""ast.parse is serialised once mathllm is imported (CPython gh-106905: the AST constructor's
recursion depth is interpreter-wide state, and programs are parsed in threads)."""

from __future__ import annotations

import ast
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import mathllm  # noqa: F401  (installs the lock)


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="the AST constructor is thread-safe from 3.13")
def test_parse_is_locked_and_still_parses() -> None:
    assert getattr(ast.parse, "_mathllm_locked", False)
    assert ast.literal_eval("[1, 2.5, -3]") == [1, 2.5, -3]
    with pytest.raises(SyntaxError):
        ast.parse("def (:")


def test_programs_parse_in_threads() -> None:
    program = "x = 1\n" + "\n".join(f"y{i} = [{i}, ({i} + 1) * 2]" for i in range(200)) + "\nanswer = x\n"

    def parse(_: int) -> int:
        return sum(len(ast.parse(program).body) for _ in range(20))

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(parse, range(16))) == [202 * 20] * 16

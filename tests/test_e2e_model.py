"""End to end with the REAL default model (Gemma 3 270M from PyPI, plus the shipped adapter).

Slow (it loads the model, converting it once into the cache on a fresh machine), so marked
``slow``; CI runs it. What it asserts can fail: the real model, fed the real prompt with a
retrieved example, must write a program that passes the check, follows the contract
(parameters with units, an ``answer``) and runs in the sandbox.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mathllm.contract import parse_parameters
from mathllm.quantities import given_literals, literal_text

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

PROBLEM = """---
title: Savings account
domain: finance
answer: 1628.894627
tolerance: 0.01
units: EUR
---
Maria deposits 1000 EUR in a savings account that pays 5% interest per year, compounded
yearly. How much money is in the account after 10 years, in EUR?
"""


def test_solve_with_the_real_model(tmp_path: Path) -> None:
    prob = tmp_path / "savings.md"
    prob.write_text(PROBLEM)
    out = tmp_path / "report"
    proc = subprocess.run(
        [sys.executable, "-m", "mathllm.cli", "solve", str(prob), "--json", "--out", str(out), "--repairs", "1"],
        capture_output=True, text=True, timeout=1500, cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["model"]["backend"] == "hf"
    assert doc["attempts"], "the model produced no attempt"
    first = doc["attempts"][0]
    # The real model, with the real prompt, writes a contract program that passes the check.
    assert first["program"].strip(), "empty program"
    assert first["check"]["ok"], first["check"]["issues"]
    params = parse_parameters(first["program"])
    assert params, "no contract parameters in:\n" + first["program"]
    # Grounded decoding: every parameter value is a number the problem gives (or a convention).
    assert doc["model"]["grounded"] is True
    given = given_literals(PROBLEM.split("---", 2)[2])
    assert all(literal_text(p.value) in given for p in params), first["program"]
    assert any(a["run"] and a["run"]["status"] == "ok" for a in doc["attempts"]), doc["attempts"][-1]["error"]
    assert doc["timings"]["generate"] > 0
    assert (out / "report.md").is_file() and (out / "result.json").is_file()
    if (ROOT / "models" / "default" / "adapter_config.json").is_file():
        # The shipped adapter is found and applied by default.
        assert doc["model"]["adapter"] and doc["model"]["tuned"] is True

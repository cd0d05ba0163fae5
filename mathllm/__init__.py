"""mathllm: plain-language problems -> SymPy/SciPy programs -> sandboxed runs -> reports.

Heavy modules (torch, transformers, sympy) are imported only where they are used, so that
``import mathllm`` and ``mathllm --help`` stay instant.
"""

from __future__ import annotations

__version__ = "0.1.0"

from . import _astlock  # (programs are parsed in threads; see the module)

_astlock.install()

__all__ = ["__version__", "load_problem", "solve"]


def __getattr__(name: str):  # lazy re-exports (PEP 562)
    if name == "solve":
        from .solve import solve

        return solve
    if name == "load_problem":
        from .problem import load_problem

        return load_problem
    raise AttributeError(name)

"""The problem families. Importing this package imports every module in it, so that each
module's ``@family`` decorators register its families in :data:`mathllm.data.core.REGISTRY`."""

from __future__ import annotations

import importlib
import pkgutil

MODULES: list[str] = []

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name.startswith("_"):
        continue
    importlib.import_module(f"{__name__}.{_info.name}")
    MODULES.append(_info.name)

"""Serve the workbench: one process, one model (loading in the background), many sessions.

``mathllm serve [--port] [--address]`` calls :func:`serve`. The page answers at once; the
model loads in the :class:`mathllm.service.ModelService` worker thread meanwhile and the
page's status line follows it ("loading" -> "ready" or "error").
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from .errors import UsageError

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent


def _import_workbench():
    try:
        from app.workbench import Workbench
    except ModuleNotFoundError:
        # installed package run from elsewhere: the app folder lives next to mathllm/ in a checkout
        if (ROOT / "app" / "workbench.py").exists() and str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
            from app.workbench import Workbench
        else:
            raise UsageError("the workbench app (app/workbench.py) is not available in this install",
                             hint="run from a checkout of the mathllm repository") from None
    return Workbench


def free_port(address: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``address`` right now."""
    import socket

    host = "127.0.0.1" if address in ("", "0.0.0.0", "localhost") else address
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def websocket_origins(address: str, port: int) -> list[str]:
    """Origins allowed to open the app's websocket: the served address, and localhost aliases."""
    hosts = {address, "localhost", "127.0.0.1"}
    if address in ("0.0.0.0", "::", ""):
        return ["*"]  # listening everywhere: the user chose to expose it
    return sorted(f"{h}:{port}" for h in hosts if h)


def serve(
    port: int = 5006,
    address: str = "127.0.0.1",
    show: bool = False,
    *,
    service: Any = None,
    backend: str = "hf",
    model: str | None = None,
    adapter: str | None = "auto",
    base_url: str | None = None,
    api_key: str | None = None,
    problems_root: str | Path | None = None,
    threaded: bool = False,
    websocket_origin: str | list[str] | None = None,
    title: str = "mathllm workbench",
    **server_kwargs: Any,
) -> Any:
    """Start the Panel server for the workbench.

    ``service``: an existing :class:`~mathllm.service.ModelService` (tests pass one wrapping a
    ``ScriptedGenerator``); otherwise one is created with
    ``make_generator(backend, model, adapter, base_url, api_key)`` and installed as the process's
    service, and its model starts loading at once in the background.

    Blocks until stopped, unless ``threaded=True``: then returns the server thread (call
    ``.stop()`` on it). ``port=0`` picks a free port.
    """
    import panel as pn

    from .service import ModelService, set_service

    if not 0 <= int(port) <= 65535:
        raise UsageError(f"invalid port {port}")
    if int(port) == 0:
        port = free_port(address)
    Workbench = _import_workbench()
    if service is None:
        service = ModelService(generator_kwargs={"backend": backend, "model": model, "adapter": adapter,
                                                 "base_url": base_url, "api_key": api_key})
    set_service(service)
    root = Path(problems_root) if problems_root is not None else None

    def app():
        return Workbench(service=service, problems_root=root)

    origins = websocket_origin if websocket_origin is not None else websocket_origins(address, int(port))
    log.info("serving the workbench on http://%s:%s", address, port)
    return pn.serve(
        {"/": app},
        port=int(port),
        address=address,
        websocket_origin=origins,
        show=show,
        threaded=threaded,
        title=title,
        verbose=not threaded,
        **server_kwargs,
    )

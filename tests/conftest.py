"""Shared fixtures: a real local OpenAI-compatible HTTP server and a closed port.

Only the standard library is imported here, so collecting other test files stays cheap.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeOpenAI:
    """A tiny OpenAI-compatible server on 127.0.0.1 (``/v1/models``, ``/v1/completions``,
    ``/v1/chat/completions``) that records every request.

    ``reply(prompt, body) -> str`` gives each completion's text; ``ignore_n`` makes it answer
    one choice whatever ``n`` asks; ``status``/``raw`` force an error status or a raw body.
    """

    reply: Callable[[str, dict], str] = lambda prompt, body: "answer = 42\n```\n"
    ignore_n: bool = False
    status: int = 200
    raw: bytes | None = None
    model_id: str = "fake-model"
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        fake = self
        self._lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _record(self, body: Any) -> None:
                with fake._lock:
                    fake.requests.append(Request(self.command, self.path,
                                                 {k.lower(): v for k, v in self.headers.items()}, body))

            def _send(self, status: int, payload: Any = None, raw: bytes | None = None) -> None:
                data = raw if raw is not None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._record(None)
                if self.path.rstrip("/") == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": fake.model_id, "object": "model"}]})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"null")
                self._record(body)
                if fake.status != 200 or fake.raw is not None:
                    self._send(fake.status, {"error": {"message": "model exploded"}}, raw=fake.raw)
                    return
                n = 1 if fake.ignore_n else int(body.get("n") or 1)
                if self.path == "/v1/completions":
                    prompt = body["prompt"]
                    choices = [{"index": i, "text": fake.reply(prompt, body), "finish_reason": "stop"}
                               for i in range(n)]
                elif self.path == "/v1/chat/completions":
                    prompt = body["messages"][-1]["content"]
                    choices = [{"index": i, "message": {"role": "assistant", "content": fake.reply(prompt, body)},
                                "finish_reason": "stop"} for i in range(n)]
                else:
                    self._send(404, {"error": "not found"})
                    return
                self._send(200, {"id": "cmpl-1", "object": "text_completion", "model": body.get("model"),
                                 "choices": choices})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def posts(self) -> list[Request]:
        return [r for r in self.requests if r.method == "POST"]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def fake_openai():
    server = FakeOpenAI()
    try:
        yield server
    finally:
        server.close()


def free_closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound once, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def closed_port() -> int:
    return free_closed_port()


def solve_with_server(tmp_path: Any, text: str, reply: Callable[[str, dict], str],
                      flags: list[str]) -> tuple[Any, FakeOpenAI]:
    """``mathllm solve p.md --backend openai --repairs 0 --json FLAGS`` in a subprocess against a
    FakeOpenAI answering with ``reply``; returns the finished process and the (closed) server."""
    import os
    import subprocess
    import sys

    server = FakeOpenAI(reply=reply)
    try:
        (tmp_path / "p.md").write_text(text, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MATHLLM_", "OPENAI_"))}
        argv = [sys.executable, "-m", "mathllm.cli", "solve", "p.md", "--backend", "openai", "--base-url",
                server.base_url, "--model", "fake", "--repairs", "0", "--json", *flags]
        proc = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.close()
    return proc, server


@pytest.fixture(scope="session", autouse=True)
def _no_installed_banks(tmp_path_factory: pytest.TempPathFactory):
    """Retrieval in the tests reads the shipped bank only: a bank the developer installed with
    `mathllm bank` (in the user cache) must not change what the tests see."""
    import os

    old = os.environ.get("MATHLLM_BANKS_DIR")
    os.environ["MATHLLM_BANKS_DIR"] = str(tmp_path_factory.mktemp("banks"))
    yield
    if old is None:
        os.environ.pop("MATHLLM_BANKS_DIR", None)
    else:
        os.environ["MATHLLM_BANKS_DIR"] = old

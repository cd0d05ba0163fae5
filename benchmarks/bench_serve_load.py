"""Load test for the workbench server: N concurrent sessions on loopback.

Two client kinds:

* ``--mode ws`` (default, light): each session does what a browser does at the protocol level —
  GET the page (the server creates the session and builds its Workbench), open the Bokeh
  websocket with the session token, wait for the server's ACK, then pull the whole document
  (PULL-DOC-REQ -> PULL-DOC-REPLY): at that point the app is ready in a browser.
* ``--mode browser`` (heavy): headless Debian chromium pages (Playwright); each loads the page,
  waits for the model status, picks the first problem of the bank, clicks Solve and waits for
  the answer. Measures page-ready and solve latency through the model queue.

Without ``--url`` the benchmark starts a server itself on 127.0.0.1 (free port), with the real
default model unless ``--scripted`` is given (then a ScriptedGenerator from tests/fakes.py
answers every problem with a fixed program, so only the server, queue and sandbox are measured).
Only loopback URLs are accepted. Every request has a time limit; the number of sessions is capped.

    python benchmarks/bench_serve_load.py --scripted                 # N=20, ws mode
    python benchmarks/bench_serve_load.py --scripted --mode browser -n 8
    python benchmarks/bench_serve_load.py --url http://127.0.0.1:5006/ -n 20 --json
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import re
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_SESSIONS = 200
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

SCRIPTED_PROGRAM = """\
principal = 1000  # initial deposit [EUR]
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
answer = principal * (1 + rate) ** years
"""


def percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p90": None, "p99": None, "min": None, "max": None, "mean": None}
    xs = sorted(values)

    def pct(p: float) -> float:
        k = (len(xs) - 1) * p
        lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
        return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)

    return {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "min": xs[0], "max": xs[-1],
            "mean": statistics.fmean(xs)}


def require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise SystemExit(f"refusing to load-test {url}: only loopback addresses (127.0.0.1, ::1, localhost)")


# -- websocket client (Bokeh protocol) -----------------------------------------------------------


class BokehClient:
    """The minimum of the Bokeh server protocol: ACK, then PULL-DOC-REQ -> PULL-DOC-REPLY."""

    def __init__(self, ws) -> None:
        self.ws = ws

    async def read_message(self, timeout: float) -> tuple[dict, dict]:
        async def frame():
            f = await asyncio.wait_for(self.ws.read_message(), timeout)
            if f is None:
                raise ConnectionError("websocket closed by the server")
            return f

        header = json.loads(await frame())
        await frame()  # metadata
        content = await frame()
        for _ in range(int(header.get("num_buffers", 0) or 0)):
            await frame()  # buffer header
            await frame()  # payload
        return header, json.loads(content) if isinstance(content, str) else {}

    async def send(self, msgtype: str, content: dict | None = None) -> str:
        msgid = uuid.uuid4().hex[:12]
        await self.ws.write_message(json.dumps({"msgid": msgid, "msgtype": msgtype}))
        await self.ws.write_message(json.dumps({}))
        await self.ws.write_message(json.dumps(content or {}))
        return msgid


async def ws_session(url: str, timeout: float, http) -> dict:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    out: dict = {"ok": False}
    t0 = time.perf_counter()
    try:
        resp = await asyncio.wait_for(http.fetch(url, request_timeout=timeout, raise_error=True), timeout)
        out["page_s"] = time.perf_counter() - t0
        page = resp.body.decode("utf-8", "replace")
        m = re.search(r'"token"\s*:\s*"([^"]+)"', page) or re.search(r'\\"token\\"\s*:\s*\\"([^"\\]+)', page)
        if not m:
            raise RuntimeError("no session token in the page")
        token = m.group(1)
        parts = urlsplit(url)
        ws_url = urlunsplit(("ws" if parts.scheme == "http" else "wss", parts.netloc,
                             parts.path.rstrip("/") + "/ws", "", ""))
        req = HTTPRequest(ws_url, request_timeout=timeout, connect_timeout=timeout)
        ws = await asyncio.wait_for(websocket_connect(req, subprotocols=["bokeh", token],
                                                      max_message_size=200 * 1024 * 1024), timeout)
        try:
            client = BokehClient(ws)
            header, _ = await client.read_message(timeout)
            if header.get("msgtype") != "ACK":
                raise RuntimeError(f"expected ACK, got {header.get('msgtype')}")
            out["ack_s"] = time.perf_counter() - t0
            reqid = await client.send("PULL-DOC-REQ")
            deadline = time.monotonic() + timeout
            while True:
                header, content = await client.read_message(max(0.1, deadline - time.monotonic()))
                if header.get("msgtype") == "PULL-DOC-REPLY" and header.get("reqid") == reqid:
                    break
                if header.get("msgtype") == "ERROR":
                    raise RuntimeError(f"server error: {content.get('text', content)}")
            doc = content.get("doc", {})
            out["roots"] = len(doc.get("roots", []) if isinstance(doc.get("roots"), list) else [])
            out["ready_s"] = time.perf_counter() - t0
            out["ok"] = True
        finally:
            ws.close()
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
    return out


async def run_ws(url: str, n: int, timeout: float) -> list[dict]:
    from tornado.httpclient import AsyncHTTPClient

    http = AsyncHTTPClient(max_clients=n)
    return await asyncio.gather(*(ws_session(url, timeout, http) for _ in range(n)))


# -- browser client ----------------------------------------------------------------------------


async def browser_session(browser, url: str, timeout: float, solve: bool) -> dict:
    out: dict = {"ok": False}
    context = await browser.new_context()
    try:
        page = await context.new_page()
        page.set_default_timeout(timeout * 1000)
        t0 = time.perf_counter()
        await page.goto(url)
        await page.locator(".mathllm-model-state").first.wait_for()
        out["ready_s"] = time.perf_counter() - t0
        if solve:
            await page.locator('.mathllm-model-state[data-state="ready"]').wait_for()
            select = page.locator(".mathllm-picker select")
            labels = await select.locator("option").all_inner_texts()
            choice = next((lbl for lbl in labels if lbl and not lbl.startswith("(")), None)
            if choice is None:
                await page.locator(".mathllm-problem textarea").fill(
                    "Anna saves 1000 EUR at 5% a year for 10 years. How much does she have?")
            else:
                await select.select_option(label=choice)
            t1 = time.perf_counter()
            await page.locator(".mathllm-solve button").click()
            await page.wait_for_function(
                """() => { const walk = (r) => { for (const e of r.querySelectorAll('*')) {
                       if (e.classList && e.classList.contains('mathllm-badge') && e.dataset.verdict &&
                           !['no result', 'running'].includes(e.dataset.verdict)) return true;
                       if (e.shadowRoot && walk(e.shadowRoot)) return true; } return false; };
                   return walk(document); }""", polling=200, timeout=timeout * 1000)
            out["solve_s"] = time.perf_counter() - t1
        out["ok"] = True
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        await context.close()
    return out


async def run_browser(url: str, n: int, timeout: float, solve: bool) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(browser_session(browser, url, timeout, solve) for _ in range(n)))
        finally:
            await browser.close()


# -- server --------------------------------------------------------------------------------------


def start_server(scripted: bool, problems_root: Path | None):
    from mathllm.serve import free_port, serve
    from mathllm.service import ModelService

    if scripted:
        from tests.fakes import ScriptedGenerator

        service = ModelService(ScriptedGenerator([SCRIPTED_PROGRAM]))
    else:
        service = ModelService()
    port = free_port("127.0.0.1")
    thread = serve(port=port, address="127.0.0.1", show=False, service=service, threaded=True,
                   problems_root=problems_root)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    import urllib.request

    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                if r.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    return thread, service, url


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="target an existing server (loopback only); default: start one")
    ap.add_argument("-n", "--sessions", type=int, default=20, help="concurrent sessions (default 20)")
    ap.add_argument("--mode", choices=["ws", "browser"], default="ws")
    ap.add_argument("--no-solve", action="store_true", help="browser mode: only load the page")
    ap.add_argument("--timeout", type=float, default=120.0, help="time limit per session [s]")
    ap.add_argument("--scripted", action="store_true",
                    help="self-started server: scripted model (tests/fakes.py) instead of the real one")
    ap.add_argument("--problems", type=Path, default=None, help="problem bank of the self-started server")
    ap.add_argument("--warmup", type=int, default=1, help="sessions opened (one by one) before measuring")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        ap.error(f"--sessions must be between 1 and {MAX_SESSIONS}")

    thread = service = None
    if args.url:
        require_loopback(args.url)
        url = args.url
    else:
        thread, service, url = start_server(args.scripted, args.problems)
    try:
        runner = (lambda k: run_ws(url, k, args.timeout)) if args.mode == "ws" else \
                 (lambda k: run_browser(url, k, args.timeout, not args.no_solve))
        for _ in range(max(0, args.warmup)):
            asyncio.run(runner(1))
        t0 = time.perf_counter()
        results = asyncio.run(runner(args.sessions))
        wall = time.perf_counter() - t0
    finally:
        if thread is not None:
            thread.stop()
        if service is not None:
            service.shutdown(wait=False)

    ok = [r for r in results if r.get("ok")]
    errors = [r["error"] for r in results if not r.get("ok")]
    report = {
        "url": url, "mode": args.mode, "sessions": args.sessions, "ok": len(ok), "errors": len(errors),
        "error_samples": sorted(set(errors))[:5], "wall_s": wall,
        "latency_s": {key: percentiles([r[key] for r in ok if key in r])
                      for key in ("page_s", "ack_s", "ready_s", "solve_s") if any(key in r for r in ok)},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{args.sessions} concurrent sessions ({args.mode}) against {url}: {len(ok)} ok, "
              f"{len(errors)} errors, {wall:.2f} s wall")
        names = {"page_s": "page (HTTP GET)", "ack_s": "websocket ACK", "ready_s": "app ready",
                 "solve_s": "solve (click -> verdict)"}
        for key, st in report["latency_s"].items():
            print(f"  {names[key]:<24} p50 {st['p50']:.3f} s  p90 {st['p90']:.3f} s  p99 {st['p99']:.3f} s"
                  f"  (max {st['max']:.3f} s)")
        for e in report["error_samples"]:
            print(f"  error: {e}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())

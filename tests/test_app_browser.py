"""The workbench in a real browser (Debian chromium driven by Playwright).

The app is served in-process on 127.0.0.1 with a ModelService wrapping a ScriptedGenerator, so
the whole library path (solve -> check -> sandbox run -> verify -> report) is the real one and
only the language model is scripted.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

_no_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium "
                                                                 "(apt-get install chromium)")


def browser_test(fn):
    """A test that drives chromium (marked ``browser``; skipped when chromium is missing)."""
    return pytest.mark.browser(_no_chromium(fn))

SAVINGS_PROBLEM = """\
---
title: Savings account
domain: finance
answer: 1628.89
tolerance: 0.01
units: EUR
---
Anna puts 1,000 EUR in a savings account at 5% a year, compounded yearly. How much is in the
account after 10 years?
"""

SAVINGS_PROGRAM = """\
import sympy as sp

principal = 1000  # initial deposit [EUR]
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]

balance = sp.Symbol("balance")
model = sp.Eq(balance, principal * (1 + rate) ** years)
answer = float(sp.solve(model, balance)[0])
"""

HOSTILE_PROBLEM = """\
---
title: Hostile output
domain: security
---
HOSTILE: a problem whose model output tries to inject HTML into the page.
"""

# Every place model output reaches the page: a comment, a parameter description and unit, the
# answer's name, printed output and an error message.
HOSTILE_PROGRAM = """\
# <script>window.__xss = 'script'</script>
import pandas as pd
import sympy as sp

size = 3  # <img src=x onerror="window.__xss='param'"> size [<b>m</b>]
print("<img src=x onerror=\\"window.__xss='stdout'\\">")
trap = sp.Eq(sp.Symbol('<img src=x onerror="window.__xss=4">'), size)
table = pd.DataFrame({"<img src=x onerror=window.__xss=5>": [size], "b": ["<script>window.__xss=6</script>"]})
answer = {"<img src=x onerror=window.__xss=1>": size * 2.0, "<script>window.__xss=2</script>": 1.0}
"""

SLOW_PROBLEM = """\
---
title: Slow problem
domain: test
---
SLOW: this one keeps the model busy for a few seconds.
"""


def expect(locator):
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def _script(prompt: str) -> str:
    tail = prompt[-2000:]  # the user's problem is last in the prompt (examples come first)
    if "HOSTILE" in tail:
        return HOSTILE_PROGRAM
    if "SLOW" in tail:
        time.sleep(4)
    return SAVINGS_PROGRAM


def _free_port() -> int:
    from mathllm.serve import free_port

    return free_port("127.0.0.1")


def _wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _first_number(text: str) -> float:
    m = re.search(r"-?\d[\d,]*\.?\d*(?:[eE][-+]?\d+)?", text)
    assert m, f"no number in {text!r}"
    return float(m.group(0).replace(",", ""))


@pytest.fixture(scope="module")
def problems_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("problems")
    for folder, name, text in (("finance", "savings.md", SAVINGS_PROBLEM), ("security", "hostile.md", HOSTILE_PROBLEM),
                               ("test", "slow.md", SLOW_PROBLEM)):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / name).write_text(text, encoding="utf-8")
    return root


def _serve(service, problems_root):
    from mathllm.serve import serve

    port = _free_port()
    thread = serve(port=port, address="127.0.0.1", show=False, service=service, problems_root=problems_root,
                   threaded=True)
    url = f"http://127.0.0.1:{port}/"
    _wait_http(url)
    return thread, url


@pytest.fixture(scope="module")
def app_url(problems_root):
    from mathllm.service import ModelService
    from tests.fakes import ScriptedGenerator

    service = ModelService(ScriptedGenerator(_script))
    assert service.wait_ready(30)
    thread, url = _serve(service, problems_root)
    yield url
    thread.stop()
    service.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


# -- helpers ---------------------------------------------------------------------------------------


def open_app(page, url: str) -> None:
    page.goto(url)
    page.locator(".mathllm-model-state").first.wait_for()


def wait_ready(page) -> None:
    page.locator('.mathllm-model-state[data-state="ready"]').wait_for()


def pick(page, label: str) -> None:
    page.locator(".mathllm-picker select").select_option(label=label)
    problem = page.locator(".mathllm-problem textarea")
    problem.wait_for()
    page.wait_for_function("(el) => el.value.length > 0", arg=problem.element_handle())


def answer_text(page) -> str:
    return page.locator(".mathllm-answer-text").inner_text()


def wait_answer(page, predicate, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        loc = page.locator(".mathllm-answer-text")
        if loc.count():
            text = loc.inner_text()
            try:
                if predicate(text):
                    return text
            except (AssertionError, ValueError):
                pass
        page.wait_for_timeout(150)
    raise AssertionError(f"answer never matched; last: {text!r}")


def close_to(expected: float, rel: float = 2e-3):
    return lambda text: abs(_first_number(text) - expected) <= rel * abs(expected)


def tab(page, name: str) -> None:
    page.locator(".bk-tab", has_text=name).first.click()


def set_code(page, code: str) -> None:
    editor = page.locator(".mathllm-code .ace_content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


# -- tests -----------------------------------------------------------------------------------------


@browser_test
def test_solve_edit_whatif_export(page, app_url, tmp_path):
    import nbformat

    open_app(page, app_url)
    wait_ready(page)
    pick(page, "Savings account")
    page.locator(".mathllm-solve button").click()
    text = wait_answer(page, close_to(1628.894627))
    assert "EUR" in text
    page.locator('.mathllm-verdict .mathllm-badge[data-verdict="verified"]').wait_for()
    expect(page.locator(".mathllm-parameters table")).to_contain_text("rate")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "solved.png"), full_page=True)

    # the parameter table lists the contract parameters with their units
    params = page.locator(".mathllm-parameters table").inner_text()
    assert "rate" in params and "1/year" in params and "years" in params

    # edit the program and re-run: the answer follows the code
    tab(page, "Program")
    set_code(page, SAVINGS_PROGRAM.replace("principal = 1000", "principal = 2000"))
    page.locator(".mathllm-rerun button").click()
    wait_answer(page, close_to(3257.789254))

    # a program error is listed with its line number
    broken = SAVINGS_PROGRAM.replace("answer = float(", "answer = float(undefined_name + ")
    set_code(page, broken)
    page.locator(".mathllm-rerun button").click()
    bad_line = broken.splitlines().index(next(l for l in broken.splitlines() if "undefined_name" in l)) + 1
    expect(page.locator(".mathllm-issues-text")).to_contain_text(f"line {bad_line}", timeout=60_000)
    assert "undefined_name" in page.locator(".mathllm-issues-text").inner_text()
    set_code(page, SAVINGS_PROGRAM.replace("principal = 1000", "principal = 2000"))
    page.locator(".mathllm-rerun button").click()
    wait_answer(page, close_to(3257.789254))

    # what-if: one keyboard step on the "years" slider re-runs the program (10 -> 11 years)
    tab(page, "What-if")
    handle = page.locator(".mathllm-slider", has_text="years").locator(".noUi-handle")
    handle.first.focus()
    page.keyboard.press("ArrowRight")
    wait_answer(page, close_to(2000 * 1.05 ** 11))
    page.locator('.mathllm-verdict .mathllm-badge[data-verdict="what-if"]').wait_for()

    # sweep: rate from 0 to 0.1 in 5 points, run in parallel, plotted
    page.locator(".mathllm-sweep button").click()
    status = page.locator(".mathllm-sweep-status pre")
    expect(status).to_contain_text("runs gave an answer", timeout=90_000)
    assert re.search(r"(\d+) of \1 runs gave an answer", status.inner_text()), status.inner_text()
    page.locator(".mathllm-sweep-plot canvas").first.wait_for()

    # export the notebook: a valid nbformat 4 notebook
    tab(page, "Export")
    with page.expect_download() as dl_info:
        page.locator(".mathllm-dl-notebook button").click()
    dl = dl_info.value
    assert dl.suggested_filename.endswith(".ipynb")
    target = tmp_path / dl.suggested_filename
    dl.save_as(str(target))
    nb = nbformat.reads(target.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert any(cell.cell_type == "code" for cell in nb.cells)

    # and the JSON result
    with page.expect_download() as dl_info:
        page.locator(".mathllm-dl-json button").click()
    import json

    data = json.loads(Path(dl_info.value.path()).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert not page.errors, page.errors


@browser_test
def test_hostile_model_output_is_text_not_html(page, app_url):
    open_app(page, app_url)
    page.evaluate("() => { window.__xss = undefined }")
    wait_ready(page)
    pick(page, "Hostile output")
    page.locator(".mathllm-solve button").click()
    text = wait_answer(page, lambda t: "<img" in t)
    assert "<img src=x onerror=window.__xss=1>" in text  # shown literally
    tab(page, "Program")
    page.wait_for_timeout(300)
    tab(page, "Details")
    page.wait_for_timeout(1500)  # give any injected handler time to fire
    # the comment, the parameter description and the printed line are all on the page as text
    assert "onerror" in page.locator(".mathllm-parameters table").inner_text()
    expect(page.locator(".mathllm-equations .katex").first).to_be_visible()  # the trap equation, typeset
    assert "onerror" in page.locator(".mathllm-tables table").first.inner_text()
    assert "onerror" in page.locator(".mathllm-output pre").inner_text()
    injected = page.evaluate(
        """() => {
            const found = [];
            const walk = (root) => {
                for (const el of root.querySelectorAll('img[src="x"], script')) {
                    if (el.tagName === 'IMG' || (el.textContent || '').includes('__xss')) found.push(el.outerHTML);
                }
                for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
            };
            walk(document);
            return found;
        }"""
    )
    assert injected == []
    assert page.evaluate("() => window.__xss") is None


@browser_test
def test_page_loads_while_model_is_loading(browser, problems_root):
    from mathllm.service import ModelService
    from tests.fakes import ScriptedGenerator

    release = threading.Event()

    class SlowToLoad(ScriptedGenerator):
        def load(self):
            release.wait(60)

    service = ModelService(SlowToLoad(_script))
    thread, url = _serve(service, problems_root)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        t0 = time.monotonic()
        page.goto(url)
        state = page.locator('.mathllm-model-state[data-state="loading"]')
        state.wait_for()
        assert "loading" in state.inner_text().lower()
        assert time.monotonic() - t0 < 30
        # a solve asked for now waits in the queue until the model is there
        pick(page, "Savings account")
        page.locator(".mathllm-solve button").click()
        page.locator('.mathllm-stage-name[data-stage="queue"]').wait_for()
        release.set()
        wait_ready(page)
        wait_answer(page, close_to(1628.894627))
    finally:
        release.set()
        context.close()
        thread.stop()
        service.shutdown()


@browser_test
def test_two_sessions_share_the_queue(browser, app_url):
    ctx_a, ctx_b = browser.new_context(), browser.new_context()
    try:
        a, b = ctx_a.new_page(), ctx_b.new_page()
        for pg in (a, b):
            pg.set_default_timeout(60_000)
            open_app(pg, app_url)
            wait_ready(pg)
        pick(a, "Slow problem")
        a.locator(".mathllm-solve button").click()
        a.locator('.mathllm-stage-name[data-stage="generate"]').wait_for()
        # session B is not frozen by A's solve: it loads a problem and queues behind A
        pick(b, "Savings account")
        b.locator(".mathllm-solve button").click()
        queued = b.locator('.mathllm-stage-name[data-stage="queue"]')
        queued.wait_for()
        assert "position 1" in queued.inner_text()
        tab(b, "What-if")  # still responsive
        # A cancels; B gets its answer
        a.locator(".mathllm-cancel button").click()
        wait_answer(b, close_to(1628.894627))
        a.locator('.mathllm-verdict .mathllm-badge[data-verdict="cancelled"]').wait_for()
    finally:
        ctx_a.close()
        ctx_b.close()


@browser_test
def test_exercises_tab_is_built_when_opened(page, app_url):
    pytest.importorskip("app.exercises_view")
    open_app(page, app_url)
    tab(page, "Exercises")
    page.locator(".mathllm-exercises").first.wait_for()
    assert not page.errors, page.errors


# -- without a browser: the app's pieces and its flow, driven from Python ---------------------------


def test_untrusted_text_is_escaped():
    from app.workbench import badge, safe_latex, safe_pre

    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    out = safe_pre(hostile)
    assert "<img" not in out and "<script" not in out and "&lt;img" in out
    assert 'data-verdict="unknown"' in badge('"><script>alert(1)</script>')  # not echoed
    assert "<script" not in badge("<script>")
    tex = safe_latex(r"x < 1 $ <img src=x onerror=alert(1)> \href{javascript:alert(1)}{y}")
    assert "<img" not in tex and "&lt;img" in tex and r"\href" not in tex
    assert tex.count("$") == 2  # only the delimiters: the expression cannot end the maths early


def test_slider_ranges_are_around_the_value():
    from app.workbench import slider_range
    from mathllm.contract import Parameter

    assert slider_range(Parameter("years", 10, is_int=True)) == (0.0, 20.0, 1.0)
    lo, hi, step = slider_range(Parameter("rate", 0.05))
    assert lo == 0.0 and hi == pytest.approx(0.1) and 0 < step <= 0.002
    lo, hi, step = slider_range(Parameter("temp", -40.0))
    assert lo == -80.0 and hi == 0.0 and step > 0
    assert slider_range(Parameter("offset", 0.0)) == (-1.0, 1.0, 0.01)


def test_workbench_flow_without_a_browser(problems_root):
    """Pick -> solve -> re-run -> what-if -> sweep -> exports, with no server (UI updates inline)."""
    import json

    import nbformat

    from app.workbench import Workbench
    from mathllm.service import ModelService
    from tests.fakes import ScriptedGenerator

    service = ModelService(ScriptedGenerator(_script))
    try:
        wb = Workbench(service=service, problems_root=problems_root)
        assert service.wait_ready(30)
        labels = {label: path for group in wb.picker.groups.values() for label, path in group.items()}
        wb.picker.value = labels["Savings account"]
        assert "Anna puts" in wb.editor.value
        job = wb.solve()
        result = job.result(120)
        deadline = time.monotonic() + 10
        while "1628.89" not in wb.answer.object and time.monotonic() < deadline:
            time.sleep(0.05)
        assert result.verdict == "verified", result.message
        assert "1628.89" in wb.answer.object and "EUR" in wb.answer.object
        assert set(wb._sliders) == {"principal", "rate", "years"}
        assert wb.code.value.startswith("import sympy")

        wb.code.value = SAVINGS_PROGRAM.replace("years = 10", "years = 20")
        wb.rerun().result(120)
        deadline = time.monotonic() + 10
        while "2653.3" not in wb.answer.object and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "2653.3" in wb.answer.object  # 1000 * 1.05 ** 20

        data = json.loads(wb._export_json().getvalue())
        assert isinstance(data, dict)
        nb = nbformat.reads(wb.notebook_bytes().decode("utf-8"), as_version=4)
        nbformat.validate(nb)
        md = wb._export_markdown().getvalue().decode("utf-8")
        assert "2653" in md or "years = 20" in md

        wb._sliders["rate"].value = 0.1  # what-if (debounced, in the background)
        deadline = time.monotonic() + 60
        while "what-if" not in wb.verdict.object and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "6727.5" in wb.answer.object  # 1000 * 1.1 ** 20

        wb.sweep_param.value = "years"
        wb.sweep_start.value, wb.sweep_end.value, wb.sweep_n.value = 0, 4, 5
        wb.sweep().join(120)
        xs = [x for x, _, _ in wb._sweep_rows]
        ys = [v["answer"] for _, v, _ in wb._sweep_rows]
        assert xs == [0, 1, 2, 3, 4] and ys[0] == pytest.approx(1000) and ys[1] == pytest.approx(1100)
        assert wb.sweep_plot.object is not None
        wb.dispose()
    finally:
        service.shutdown()

"""The static lint of model programs: what it lets through, what it flags, and how it says so."""

from __future__ import annotations

import pytest

from mathllm.check import CheckResult, Issue, check_program

GOOD_PROGRAM = """\
import math
import numpy as np
import sympy as sp
import pandas as pd
import matplotlib.pyplot as plt
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]

x = sp.symbols("x", positive=True)
t = sp.Symbol("t")
f = sp.Function("f")
eq = sp.Eq(x**2, 2)
sol = sp.solve(eq, x, dict=True)
shifted = eq.lhs.subs(x, 3)
g = sp.lambdify(x, x**2, "numpy")
text = sp.latex(eq, mode="inline")
df = pd.DataFrame({"year": range(years)})
csv_text = df.to_csv()
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1])
root = brentq(lambda s: s**2 - 2, 0, 2)
answer = float(sol[0][x]) * (1 + rate) ** years
"""

ALLOWED = {
    "full program": GOOD_PROGRAM,
    "plain arithmetic": "answer = 6 * 7",
    "future import": "from __future__ import annotations\nanswer = 1.5",
    "stdlib maths": "import fractions, decimal, statistics, itertools, functools, collections, random\n"
                    "answer = statistics.mean([1, 2, 3])",
    "typing and dataclasses": "from dataclasses import dataclass\nfrom typing import List\nanswer = 1",
    "scipy submodules": "import scipy.optimize as opt\nimport scipy.stats\nanswer = opt.brentq(lambda x: x - 1, 0, 2)",
    "sympy name takers": "import sympy as sp\nx, y = sp.symbols('x y')\nk = sp.Symbol('k', positive=True)\n"
                         "q = sp.Rational('1/3')\nanswer = sp.Integer('5') + q",
    "savefig to buffer": "import matplotlib.pyplot as plt\nbuf = []\nplt.plot([1])\nanswer = 1",
    "annotated answer": "answer: float = 2.0",
    "augmented answer": "answer = 0\nanswer += 2",
    "dsolve with hint kwarg": "import sympy as sp\nt = sp.Symbol('t')\ny = sp.Function('y')\n"
                              "s = sp.dsolve(y(t).diff(t) - y(t), y(t), hint='separable')\nanswer = 1",
    "dunder name check": "answer = 1\nif __name__ == '__main__':\n    print(answer)",
}

# (program, fragment expected in one error message)
FORBIDDEN = {
    "import os": ("import os\nanswer = 1", "import of 'os' is not allowed (allowed: math, cmath, numpy"),
    "import subprocess": ("import subprocess\nanswer = 1", "import of 'subprocess' is not allowed"),
    "import ctypes": ("import ctypes\nanswer = 1", "import of 'ctypes' is not allowed"),
    "import pickle": ("import pickle\nanswer = 1", "import of 'pickle' is not allowed"),
    "import importlib": ("import importlib\nanswer = 1", "import of 'importlib' is not allowed"),
    "from sys import": ("from sys import modules\nanswer = 1", "import of 'sys' is not allowed"),
    "import socket": ("import socket\nanswer = 1", "import of 'socket' is not allowed"),
    "import urllib": ("import urllib.request\nanswer = 1", "import of 'urllib.request' is not allowed"),
    "relative import": ("from . import x\nanswer = 1", "relative imports are not allowed"),
    "numpy.f2py import": ("import numpy.f2py\nanswer = 1", "import of 'numpy.f2py' is not allowed"),
    "from numpy import f2py": ("from numpy import f2py\nanswer = 1", "import of 'numpy.f2py' is not allowed"),
    "np.f2py attribute": ("import numpy as np\nnp.f2py.compile('x')\nanswer = 1", "use of 'numpy.f2py'"),
    "numpy.ctypeslib": ("import numpy as np\nlib = np.ctypeslib.load_library('c', '.')\nanswer = 1",
                        "use of 'numpy.ctypeslib'"),
    "numpy.testing": ("import numpy.testing as nt\nanswer = 1", "import of 'numpy.testing' is not allowed"),
    "scipy.io": ("import scipy.io\nanswer = 1", "import of 'scipy.io' is not allowed"),
    "sympy autowrap": ("from sympy.utilities.autowrap import autowrap\nanswer = 1",
                       "import of 'sympy.utilities.autowrap' is not allowed"),
    "sympy codegen": ("import sympy.utilities.codegen\nanswer = 1", "'sympy.utilities.codegen' is not allowed"),
    "pandas.io": ("import pandas as pd\nx = pd.io.common\nanswer = 1", "use of 'pandas.io'"),
    "matplotlib.backends": ("import matplotlib.backends.backend_pdf\nanswer = 1",
                            "'matplotlib.backends.backend_pdf' is not allowed"),
    "private module": ("import numpy._core\nanswer = 1", "private module"),
    "library os attribute": ("import matplotlib\nmatplotlib.os.getcwd()\nanswer = 1",
                             "access to 'matplotlib.os' is not allowed"),
    "library sys attribute": ("import sympy as sp\nm = sp.core.sys\nanswer = 1", "access to 'sympy.core.sys'"),
    "from library import os": ("from matplotlib import os\nanswer = 1", "import of 'os' from 'matplotlib'"),
    "dunder class": ("answer = ().__class__", "dunder attribute '__class__'"),
    "subclasses walk": ("answer = object.__subclasses__()", "dunder attribute '__subclasses__'"),
    "globals dunder": ("def f(): pass\nanswer = f.__globals__", "dunder attribute '__globals__'"),
    "builtins name": ("answer = __builtins__", "use of '__builtins__'"),
    "generator frame": ("def g():\n    yield 1\nanswer = g().gi_frame", "'gi_frame' is not allowed"),
    "frame back": ("import sympy as sp\nanswer = sp.f_back", "'f_back' is not allowed"),
    "traceback frame": (("try:\n    1/0\nexcept Exception as e:\n    tb = e.with_traceback(None)\n"
                         "    answer = tb.tb_frame"), "'tb_frame' is not allowed"),
    "format leak": ("answer = '{0.__class__}'.format(1)", "format string fields"),
    "eval": ("answer = eval('1+1')", "eval() is not allowed"),
    "exec": ("exec('answer = 1')\nanswer = 2", "exec() is not allowed"),
    "open": ("answer = open('/etc/passwd').read()", "open() is not allowed"),
    "compile": ("c = compile('1', 'x', 'eval')\nanswer = 1", "compile() is not allowed"),
    "__import__": ("answer = __import__('os')", "__import__"),
    "input": ("answer = float(input())", "input() is not allowed"),
    "getattr": ("import numpy as np\nanswer = getattr(np, 'f2py')", "getattr() is not allowed"),
    "setattr": ("import numpy as np\nsetattr(np, 'x', 1)\nanswer = 1", "setattr() is not allowed"),
    "globals": ("answer = globals()", "globals() is not allowed"),
    "vars": ("import numpy as np\nanswer = vars(np)", "vars() is not allowed"),
    "breakpoint": ("breakpoint()\nanswer = 1", "breakpoint() is not allowed"),
    "eval alias": ("f = eval\nanswer = 1", "eval() is not allowed"),
    "sympify string": ("import sympy as sp\nanswer = sp.sympify(\"__import__('os').system('id')\")",
                       "passing a string to sympy.sympify()"),
    "S string": ("from sympy import S\nanswer = S('1/3')", "passing a string to sympy.S()"),
    "star import S string": ("from sympy import *\nanswer = S('1/3')", "passing a string to S()"),
    "sympify concatenated string": ("import sympy as sp\nv = 'x'\nanswer = sp.sympify(v + '**2')",
                                    "passing a string to sympy.sympify()"),
    "sympify f-string": ("import sympy as sp\nn = 2\nanswer = sp.sympify(f'x**{n}')", "passing a string"),
    "solve string": ("import sympy as sp\nanswer = sp.solve('x**2 - 1')", "passing a string to sympy.solve()"),
    "subs string": ("import sympy as sp\nx = sp.Symbol('x')\nanswer = (x + 1).subs('x', 2)",
                    "passing a string to .subs()"),
    "parse_expr": ("from sympy.parsing.sympy_parser import parse_expr\nanswer = parse_expr('1')",
                   "import of 'sympy.parsing.sympy_parser' is not allowed"),
    "sp.parsing attribute": ("import sympy as sp\nanswer = sp.parsing.sympy_parser.parse_expr('1')",
                             "parse_expr() turns a string into code"),
    "lambdify string": ("import sympy as sp\nx = sp.Symbol('x')\nf = sp.lambdify(x, 'x**2')\nanswer = 1",
                        "lambdify() of a string"),
    "pandas eval": ("import pandas as pd\nanswer = pd.eval('1 + 1')", "pandas.eval() turns a string into code"),
    "DataFrame.query": ("import pandas as pd\ndf = pd.DataFrame({'a': [1]})\nanswer = len(df.query('a > 0'))",
                        "df.query() turns a string into code"),
    "DataFrame.eval": ("import pandas as pd\ndf = pd.DataFrame({'a': [1]})\nanswer = df.eval('a + 1')",
                       "df.eval() turns a string into code"),
    "numexpr": ("import numexpr\nanswer = numexpr.evaluate('1+1')", "import of 'numexpr' is not allowed"),
    "read_csv": ("import pandas as pd\ndf = pd.read_csv('file:///etc/passwd')\nanswer = 1",
                 "read_csv() reads a file or URL"),
    "read_pickle": ("import pandas as pd\ndf = pd.read_pickle('x.pkl')\nanswer = 1", "read_pickle() reads"),
    "np.load": ("import numpy as np\nanswer = np.load('x.npy', allow_pickle=True)", "load() reads a file"),
    "np.loadtxt": ("import numpy as np\nanswer = np.loadtxt('/etc/passwd')", "loadtxt() reads"),
    "np.genfromtxt": ("import numpy as np\nanswer = np.genfromtxt('x.csv')", "genfromtxt() reads"),
    "np.fromfile": ("import numpy as np\nanswer = np.fromfile('/dev/zero')", "fromfile() reads"),
    "np.save": ("import numpy as np\nnp.save('x.npy', [1])\nanswer = 1", "save() writes a file"),
    "tofile": ("import numpy as np\nnp.zeros(3).tofile('x')\nanswer = 1", "tofile() writes a file"),
    "to_csv path": ("import pandas as pd\npd.DataFrame().to_csv('x.csv')\nanswer = 1",
                    "to_csv() with a path writes a file"),
    "to_pickle": ("import pandas as pd\npd.DataFrame().to_pickle('x.pkl')\nanswer = 1", "to_pickle() writes"),
    "savefig path": ("import matplotlib.pyplot as plt\nplt.plot([1])\nplt.savefig('/tmp/x.png')\nanswer = 1",
                     "savefig() to a file is not allowed"),
    "matplotlib.use": ("import matplotlib\nmatplotlib.use('pdf')\nanswer = 1", "matplotlib.use() is not allowed"),
    "requests": ("import requests\nanswer = requests.get('http://x').status_code", "import of 'requests'"),
    "no answer": ("x = 1\nprint(x)", "never assigns `answer` at top level"),
    "answer only in function": ("def f():\n    answer = 1\nf()", "never assigns `answer`"),
}


@pytest.mark.parametrize("code", ALLOWED.values(), ids=list(ALLOWED))
def test_allowed_programs_pass(code: str) -> None:
    result = check_program(code)
    assert result.ok, result.summary()
    assert result.errors == []


@pytest.mark.parametrize(("code", "fragment"), FORBIDDEN.values(), ids=list(FORBIDDEN))
def test_forbidden_programs_are_flagged(code: str, fragment: str) -> None:
    result = check_program(code)
    assert not result.ok
    messages = [i.message for i in result.errors]
    assert any(fragment in m for m in messages), f"{fragment!r} not in {messages}"


def test_syntax_error_reports_its_line() -> None:
    result = check_program("x = 1\ny = (2\nanswer = 3\n")
    assert not result.ok
    (issue,) = result.errors
    assert issue.line == 2
    assert issue.message.startswith("syntax error:")
    assert "never closed" in issue.message


def test_indentation_error_is_a_syntax_issue() -> None:
    result = check_program("x = 1\n  y = 2\nanswer = 3\n")
    assert [i.line for i in result.errors] == [2]


def test_null_byte_does_not_crash_the_lint() -> None:
    result = check_program("answer = 1\x00")
    assert not result.ok


def test_summary_is_one_line_per_issue_with_line_numbers() -> None:
    code = "import os\nimport sympy as sp\nv = sp.sympify('1')\n"
    result = check_program(code)
    lines = result.summary().splitlines()
    assert lines[0].startswith("line 1: import of 'os' is not allowed (allowed: math, cmath, numpy")
    assert lines[1].startswith("line 3: passing a string to sympy.sympify()")
    assert lines[-1].startswith("line 3: the program never assigns `answer`")
    assert len(lines) == len(result.issues) == 3


def test_issue_positions_are_one_based() -> None:
    result = check_program("answer = 1\ny = eval('2')\n")
    (issue,) = result.errors
    assert (issue.line, issue.col) == (2, 5)


def test_missing_unit_is_a_warning_not_an_error() -> None:
    result = check_program("rate = 0.05  # interest rate\nyears = 3  # period [year]\nanswer = rate * years\n")
    assert result.ok
    (warning,) = result.warnings
    assert warning.severity == "warning"
    assert warning.line == 1
    assert "'rate' has no unit" in warning.message
    assert "warning:" in result.summary()


def test_plt_show_is_a_warning() -> None:
    result = check_program("import matplotlib.pyplot as plt\nplt.plot([1])\nplt.show()\nanswer = 1\n")
    assert result.ok
    assert any("plt.show()" in w.message for w in result.warnings)


def test_result_types() -> None:
    result = check_program("import os\n")
    assert isinstance(result, CheckResult)
    assert all(isinstance(i, Issue) for i in result.issues)
    assert len(result.errors) == 2  # the import and the missing answer
    assert result.warnings == []


def test_issues_are_sorted_and_deduplicated() -> None:
    result = check_program("answer = 1\nimport os\nimport os\n")
    lines = [i.line for i in result.issues]
    assert lines == sorted(lines)
    assert len([i for i in result.issues if "'os'" in i.message]) == 2  # two lines, two issues

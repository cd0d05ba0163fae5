"""Stage "check": a static lint of a model program before it runs.

This is NOT the security boundary: the sandbox (:mod:`mathllm.run`) is, and it runs every
program as if this check did not exist. The lint exists to catch the mistakes and the
attempts early, with messages a model can act on in a repair prompt, e.g.::

    line 3: import of 'os' is not allowed (allowed: math, cmath, numpy, scipy, sympy, ...)

It parses the program (a SyntaxError is an issue at its line) and walks the AST for imports
outside an allow-list (and known escape hatches inside allowed libraries), dunder and frame
attributes, dangerous builtins, strings handed to functions that turn strings into code
(``sympify``, ``parse_expr``, ``lambdify``, ``pandas.eval``, ``DataFrame.query``), file and
network I/O, and a missing top-level ``answer``. Warnings (not errors) flag things that work
but make a worse program (a parameter without a ``[unit]``, ``plt.show()``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from .contract import has_answer, parse_parameters

#: Top-level modules a program may import (and their submodules, minus DENIED_MODULES).
ALLOWED_MODULES = (
    "math", "cmath", "numpy", "scipy", "sympy", "pandas", "matplotlib", "fractions", "decimal",
    "statistics", "itertools", "functools", "collections", "random", "typing", "dataclasses",
    "operator", "heapq", "bisect", "numbers", "copy", "datetime", "__future__",
)

#: Submodules of allowed libraries that reach the OS, the compiler, files or pickle.
DENIED_MODULES = (
    "numpy.f2py", "numpy.ctypeslib", "numpy.distutils", "numpy.testing", "numpy.lib.format",
    "numpy.lib.npyio", "numpy.lib.utils", "numpy.lib._datasource",
    "scipy.io", "scipy.weave", "scipy.datasets", "scipy._lib",
    "sympy.utilities.autowrap", "sympy.utilities.codegen", "sympy.utilities.runtests",
    "sympy.utilities.pytest", "sympy.utilities.benchmarking", "sympy.parsing", "sympy.testing",
    "sympy.external", "sympy.interactive", "sympy.printing.preview", "sympy.preview",
    "pandas.io", "pandas.util", "pandas.testing", "pandas._testing",
    "matplotlib.backends", "matplotlib.testing", "matplotlib.texmanager", "matplotlib.dviread",
    "matplotlib.animation", "matplotlib.sphinxext", "matplotlib.font_manager",
)

#: Module names that, reached as an attribute of a library (``matplotlib.os``), give OS access.
DANGEROUS_ATTR_MODULES = frozenset({
    "os", "sys", "subprocess", "ctypes", "pickle", "cPickle", "importlib", "builtins", "shutil",
    "socket", "pathlib", "tempfile", "signal", "threading", "multiprocessing", "marshal", "inspect",
    "posix", "io", "urllib", "requests", "http", "gc", "resource", "pty", "runpy", "code", "codeop",
    "weakref", "mmap", "fcntl", "select", "asyncio", "zipimport", "pkgutil", "sysconfig", "site",
    "_bootstrap", "_imp", "nt",
})

DANGEROUS_BUILTINS = frozenset({
    "eval", "exec", "open", "compile", "__import__", "input", "globals", "locals", "vars",
    "getattr", "setattr", "delattr", "breakpoint", "help", "exit", "quit", "memoryview",
})

#: Attributes that walk from an object to frames, code or globals.
INTROSPECTION_ATTRS = frozenset({
    "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame", "cr_code", "ag_frame", "ag_code",
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "tb_frame", "tb_next",
    "co_code", "func_globals", "func_code", "im_func", "_getframe", "_current_frames",
    "mro", "_module", "modules",
})

#: Functions that only take code as a string.
ALWAYS_STRING_TO_CODE = frozenset({
    "parse_expr", "parse_latex", "parse_mathematica", "parse_maxima", "parse_sympy",
    "eval_expr", "stringify_expr", "evaluate", "query", "eval",
})

#: SymPy functions that turn a string argument into code (via sympify/eval).
SYMPY_STRING_EATERS = frozenset({
    "sympify", "S", "simplify", "nsimplify", "solve", "solveset", "expand", "factor", "integrate",
    "diff", "limit", "series", "Matrix", "Poly", "Expr", "dsolve", "nsolve", "N", "lambdify",
    "latex", "srepr", "pprint", "sqrt", "exp", "log", "sin", "cos", "Eq", "linsolve",
    "nonlinsolve", "roots", "apart", "together", "cancel", "trigsimp", "collect",
})

#: Methods of SymPy objects that sympify a string argument (``expr.subs("x", 1)``).
SYMPY_STRING_METHODS = frozenset({
    "subs", "coeff", "has", "diff", "integrate", "equals", "match", "limit", "series", "xreplace",
})

#: Positional-like keyword arguments that SymPy sympifies.
SYMPY_CODE_KWARGS = frozenset({"a", "expr", "s", "e", "f"})

#: SymPy callables that take a *name* (not code) as a string.
SYMPY_NAME_TAKERS = frozenset({
    "symbols", "Symbol", "Dummy", "Wild", "var", "IndexedBase", "Idx", "MatrixSymbol",
    "Function", "Integer", "Float", "Rational", "Number",
})

FILE_READERS = frozenset({
    "load", "loadtxt", "genfromtxt", "fromfile", "fromregex", "memmap", "DataSource", "loadmat",
    "open_memmap", "read_array", "load_npz", "fromstring_pickle",
})
FILE_WRITERS = frozenset({
    "save", "savez", "savez_compressed", "savetxt", "tofile", "dump", "to_pickle", "to_parquet",
    "to_excel", "to_hdf", "to_feather", "to_sql", "to_stata", "to_orc", "to_clipboard", "savemat",
    "save_npz", "write_array",
})
#: Writers that return a string when called without a path.
STRING_OR_FILE_WRITERS = frozenset({
    "to_csv", "to_json", "to_html", "to_latex", "to_markdown", "to_string", "to_xml",
})
PATH_KWARGS = frozenset({"path_or_buf", "buf", "path", "fname", "file", "filepath_or_buffer", "excel_writer"})

_FORMAT_LEAK = re.compile(r"\{[^{}]*(__\w+__|\.\s*(gi_|f_|tb_|co_)\w+)")


@dataclass
class Issue:
    """One finding: ``line``/``col`` are 1-based (col 0: the whole line)."""

    line: int
    col: int
    message: str
    severity: str = "error"  # "error" | "warning"


@dataclass
class CheckResult:
    ok: bool
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def summary(self) -> str:
        """One line per issue: ``line N: message`` (warnings marked)."""
        out = []
        for i in self.issues:
            tag = "" if i.severity == "error" else "warning: "
            out.append(f"line {i.line}: {tag}{i.message}")
        return "\n".join(out)


def _allowed_list() -> str:
    return ", ".join(m for m in ALLOWED_MODULES if m != "__future__")


def _module_allowed(name: str) -> str | None:
    """None when ``name`` may be imported, else the reason."""
    top = name.split(".")[0]
    if top not in ALLOWED_MODULES:
        return f"import of {name!r} is not allowed (allowed: {_allowed_list()})"
    for denied in DENIED_MODULES:
        if name == denied or name.startswith(denied + "."):
            return f"import of {name!r} is not allowed (it can reach files, the OS or code generation)"
    parts = name.split(".")
    if any(p.startswith("_") for p in parts[1:]):
        return f"import of private module {name!r} is not allowed"
    return None


class _Linter(ast.NodeVisitor):
    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.aliases: dict[str, str] = {}  # local name -> dotted module/object path
        self.stringy_names: set[str] = set()
        self.star_sympy = False

    def add(self, node: ast.AST, message: str, severity: str = "error") -> None:
        line = getattr(node, "lineno", 1) or 1
        col = (getattr(node, "col_offset", -1) or 0) + 1
        self.issues.append(Issue(line, col, message, severity))

    # -- helpers -----------------------------------------------------------------------------

    def dotted(self, node: ast.AST) -> str | None:
        """``np.linalg.solve`` -> ``numpy.linalg.solve`` (with import aliases resolved)."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        root = self.aliases.get(node.id, node.id)
        return ".".join([root, *reversed(parts)])

    def stringy(self, node: ast.AST | None) -> bool:
        """Whether an expression evidently evaluates to a string."""
        if node is None:
            return False
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (str, bytes))
        if isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod, ast.Mult)):
            return self.stringy(node.left) or self.stringy(node.right)
        if isinstance(node, ast.Name):
            return node.id in self.stringy_names
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in ("str", "repr", "chr", "format", "ascii"):
                return True
            if isinstance(f, ast.Attribute) and f.attr in ("format", "join", "replace", "strip", "lower",
                                                            "upper", "decode", "format_map", "zfill"):
                return True
            if isinstance(f, ast.Attribute) and self.stringy(f.value):
                return True
        if isinstance(node, ast.Subscript):
            return self.stringy(node.value)
        if isinstance(node, ast.IfExp):
            return self.stringy(node.body) or self.stringy(node.orelse)
        return False

    def check_path(self, node: ast.AST, path: str) -> None:
        """Checks on a dotted path reached by an attribute chain or call."""
        for denied in DENIED_MODULES:
            if path == denied or path.startswith(denied + "."):
                self.add(node, f"use of {denied!r} is not allowed (it can reach files, the OS or "
                               "code generation)")
                return
        parts = path.split(".")
        top = parts[0]
        if top in ALLOWED_MODULES and top not in ("__future__",):
            for p in parts[1:]:
                if p in DANGEROUS_ATTR_MODULES:
                    self.add(node, f"access to {'.'.join(parts[:parts.index(p) + 1])!r} is not allowed "
                                   "(operating system access through a library)")
                    return

    # -- imports -----------------------------------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            reason = _module_allowed(a.name)
            if reason:
                self.add(node, reason)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self.add(node, "relative imports are not allowed")
            return
        mod = node.module or ""
        reason = _module_allowed(mod)
        if reason:
            self.add(node, reason)
            return
        for a in node.names:
            full = f"{mod}.{a.name}"
            if a.name == "*":
                continue
            if a.name in DANGEROUS_ATTR_MODULES or a.name in DANGEROUS_BUILTINS:
                self.add(node, f"import of {a.name!r} from {mod!r} is not allowed "
                               "(operating system access through a library)")
            elif a.name.startswith("_"):
                self.add(node, f"import of private name {a.name!r} from {mod!r} is not allowed")
            elif any(full == d or full.startswith(d + ".") for d in DENIED_MODULES):
                self.add(node, f"import of {full!r} is not allowed (it can reach files, the OS or "
                               "code generation)")

    # -- names and attributes ---------------------------------------------------------------

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load) and node.id in DANGEROUS_BUILTINS and node.id not in self.aliases:
            self.add(node, f"{node.id}() is not allowed in a model program (no dynamic code, "
                           "files, input or reflection)")
        elif node.id.startswith("__") and node.id.endswith("__") and node.id not in ("__name__", "__doc__"):
            self.add(node, f"use of {node.id!r} is not allowed")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("__") and attr.endswith("__"):
            self.add(node, f"access to dunder attribute {attr!r} is not allowed")
        elif attr in INTROSPECTION_ATTRS:
            self.add(node, f"access to {attr!r} is not allowed (frame/module introspection)")
        else:
            path = self.dotted(node)
            if path is not None and not isinstance(getattr(node, "_parent", None), ast.Attribute):
                self.check_path(node, path)
        self.generic_visit(node)

    # -- calls ---------------------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name):
            name = func.id
            resolved = self.aliases.get(name, "")
        elif isinstance(func, ast.Attribute):
            name = func.attr
            resolved = self.dotted(func) or ""
        else:
            self.generic_visit(node)
            return
        if isinstance(func, ast.Name) and name in DANGEROUS_BUILTINS and name not in self.aliases:
            self.generic_visit(node)  # visit_Name reports it
            return
        short = resolved.rsplit(".", 1)[-1] if resolved else name
        args = list(node.args)
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        first = args[0] if args else None
        is_sympy = resolved.startswith("sympy.") or (
            isinstance(func, ast.Name) and not resolved and (self.star_sympy or name in ("sympify", "S")))

        # -- strings turned into code
        if short in ALWAYS_STRING_TO_CODE:
            self.add(node, f"{resolved or name}() turns a string into code and is not allowed; "
                           "build the expression from symbols and operators instead")
        elif short == "lambdify" and is_sympy:
            expr = kw.get("expr", args[1] if len(args) > 1 else None)
            if self.stringy(expr):
                self.add(node, "lambdify() of a string is not allowed (SymPy evaluates strings as "
                               "code); pass a SymPy expression")
        elif is_sympy and short not in SYMPY_NAME_TAKERS and (
                resolved.startswith("sympy.") or short in SYMPY_STRING_EATERS):
            if any(self.stringy(a) for a in args) or any(
                    self.stringy(v) for k, v in kw.items() if k in SYMPY_CODE_KWARGS):
                self.add(node, f"passing a string to {resolved or name}() is not allowed (SymPy "
                               "evaluates strings as code); build the expression from symbols")
        elif isinstance(func, ast.Attribute) and short in SYMPY_STRING_METHODS and not resolved.startswith(
                ("numpy.", "scipy.", "pandas.", "math.")) and not self.stringy(func.value) \
                and any(self.stringy(a) for a in args):
            self.add(node, f"passing a string to .{short}() is not allowed (SymPy evaluates strings "
                           "as code); use the symbol object")

        # -- files, processes and network
        if short.startswith("read_") or short in FILE_READERS:
            self.add(node, f"{short}() reads a file or URL; programs may not do I/O "
                           "(put the data in the program as literals)")
        elif short in FILE_WRITERS:
            self.add(node, f"{short}() writes a file; programs may not do I/O "
                           "(leave DataFrames and figures at top level instead)")
        elif short in STRING_OR_FILE_WRITERS and (args or PATH_KWARGS & set(kw)):
            self.add(node, f"{short}() with a path writes a file; programs may not do I/O "
                           "(call it without a path, or leave the DataFrame at top level)")
        elif short == "savefig" and (self.stringy(first) or self.stringy(kw.get("fname"))):
            self.add(node, "savefig() to a file is not allowed; open figures are captured "
                           "automatically")
        elif short == "show" and resolved.startswith("matplotlib"):
            self.add(node, "plt.show() does nothing here; open figures are captured automatically",
                     "warning")
        elif short == "use" and resolved.startswith("matplotlib"):
            self.add(node, "matplotlib.use() is not allowed; the backend is fixed (Agg)")
        elif short in ("system", "popen", "Popen", "spawn", "fork", "execv", "execve", "urlopen",
                       "create_connection", "socket"):
            self.add(node, f"{short}() is not allowed (processes and the network are unavailable)")
        self.generic_visit(node)

    # -- strings and assignments ------------------------------------------------------------

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _FORMAT_LEAK.search(node.value):
            self.add(node, "format string fields may not reach dunder or frame attributes")

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.stringy(node.value):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.stringy_names.add(t.id)
        self.generic_visit(node)


def _mark_parents(tree: ast.AST) -> None:
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            child._parent = parent  # type: ignore[attr-defined]


def check_program(code: str) -> CheckResult:
    """Lint a model program. ``ok`` is False when there is at least one error."""
    try:
        tree = ast.parse(code, filename="<program>")
    except SyntaxError as e:
        line = e.lineno or 1
        text = (e.text or "").strip()
        where = f" in {text[:80]!r}" if text else ""
        return CheckResult(False, [Issue(line, e.offset or 0, f"syntax error: {e.msg}{where}")])
    except (ValueError, RecursionError, MemoryError) as e:  # null bytes, absurd nesting
        return CheckResult(False, [Issue(1, 0, f"the program cannot be parsed: {e}")])
    _mark_parents(tree)
    linter = _Linter()
    # Pass 1 collects imports and string-valued names (so later uses resolve), pass 2 checks.
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                if isinstance(node, ast.Import):
                    linter.aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
                elif not node.level and a.name != "*":
                    linter.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
                elif a.name == "*" and (node.module or "").split(".")[0] == "sympy":
                    linter.star_sympy = True
        elif isinstance(node, ast.Assign) and linter.stringy(node.value):
            linter.stringy_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    try:
        linter.visit(tree)
    except RecursionError:
        linter.issues.append(Issue(1, 0, "the program is nested too deeply to check"))
    issues = linter.issues
    if not has_answer(code):
        last = max((getattr(n, "end_lineno", 0) or 0 for n in tree.body), default=1)
        issues.append(Issue(last or 1, 0, "the program never assigns `answer` at top level "
                                          "(end with: answer = <number or dict of named numbers>)"))
    for p in parse_parameters(code):
        if not p.unit:
            issues.append(Issue(p.line, 0, f"parameter {p.name!r} has no unit comment "
                                           f"(e.g. {p.name} = {p.value:g}  # meaning [unit])", "warning"))
    seen: set[tuple[int, str, str]] = set()
    unique = []
    for i in sorted(issues, key=lambda i: (i.line, i.col or 1 << 30)):  # col 0 (whole line) last
        key = (i.line, i.message, i.severity)
        if key not in seen:
            seen.add(key)
            unique.append(i)
    return CheckResult(ok=not any(i.severity == "error" for i in unique), issues=unique)

"""SQL is built only with bound parameters: no string formatting reaches an SQL call.

A static check over every module of strikewatch/: a call to `text`, `execute`,
`executemany`, `executescript`, `exec_driver_sql` or `literal_column` whose SQL argument
is an f-string, a `%`/`+` expression involving a string, or a `.format(...)` call is
refused (the SQL string may only be a constant; values go in as bound parameters). The
checker is tested on planted examples first, so it is known to catch what it looks for.
The runtime side (injection-shaped filter values through the API on SQLite and
PostgreSQL) is tests/test_security_access.py::test_injection_shaped_filters_return_normal_results.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "strikewatch"
SQL_CALLS = {"text", "execute", "executemany", "executescript", "exec_driver_sql",
             "literal_column"}


def _is_built_string(node: ast.AST) -> bool:
    """True when the expression builds a string at run time from pieces."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("format", "join", "replace"):
            return True
    return False


def unsafe_sql_calls(source: str, filename: str = "<string>") -> list[str]:
    """`file:line call(...)` for every SQL call whose SQL argument is built by formatting,
    also through a variable assigned such a string anywhere in the module."""
    tree = ast.parse(source, filename)
    found: list[str] = []
    built_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_built_string(node.value):
            built_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in SQL_CALLS:
            continue
        arg = node.args[0]
        if _is_built_string(arg) or (isinstance(arg, ast.Name) and arg.id in built_names):
            found.append(f"{filename}:{node.lineno} {name}(...)")
    return found


def test_the_checker_catches_formatted_sql() -> None:
    bad = '''
import sqlalchemy as sa
def f(conn, cur, name, n):
    conn.execute(sa.text(f"SELECT * FROM incidents WHERE id = '{name}'"))
    cur.execute("SELECT * FROM users WHERE username = '%s'" % name)
    conn.exec_driver_sql("DELETE FROM t WHERE id = " + str(n))
    conn.execute(sa.text("SELECT {} FROM t".format(name)))
    q = f"SELECT * FROM t LIMIT {n}"
    conn.execute(sa.text(q))
'''
    assert len(unsafe_sql_calls(bad)) == 5
    good = '''
import sqlalchemy as sa
def f(conn, cur, name):
    conn.execute(sa.text("SELECT * FROM incidents WHERE id = :i"), {"i": name})
    cur.execute("PRAGMA foreign_keys=ON")
    conn.execute(sa.select(t.c.id).where(t.c.name == name))
    msg = f"no incident {name}"  # not SQL: never passed to an SQL call
'''
    assert unsafe_sql_calls(good) == []


def test_no_sql_in_strikewatch_is_built_by_formatting() -> None:
    files = sorted(ROOT.rglob("*.py"))
    assert len(files) > 30
    found = []
    for path in files:
        found += unsafe_sql_calls(path.read_text(encoding="utf-8"),
                                  str(path.relative_to(ROOT.parent)))
    assert found == [], "SQL built by string formatting (use bound parameters):\n" + \
        "\n".join(found)

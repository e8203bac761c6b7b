"""The store owns every file it writes in the journal folder: nothing else writes there.

A scan of netjournal's own source: only the store's modules import the atomic writer and the
journal lock, call a file-writing primitive, or touch a private member of the Store. Side
files (review skips, drill history, the search cache) go through `Store.update_side` and
`Store.write_cache`; a new writer elsewhere has to be added below, with its reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import netjournal
from netjournal.core.store import Store

PACKAGE = Path(netjournal.__file__).parent
# conflict_copies: merges sync engines' copies into their files as one save, under the lock;
# git_setup: .gitattributes/.gitignore/.stignore and git's merge driver, under the lock;
# private_files: only modes, closing again to other users what git cloned or pulled (git_setup).
STORE_MODULES = {"core/store.py", "core/shards.py", "core/atomic_file.py", "core/journal_lock.py",
                 "core/commit.py", "core/conflict_copies.py", "core/git_setup.py",
                 "core/private_files.py"}  # fmt: skip
# Files that write, but never in a journal folder (each with why).
ELSEWHERE = {
    "core/config.py": "the settings file, in the config folder",
    "core/demo.py": "removes this process's old demo journals in the cache folder",
    "core/last_place.py": "where the app was left, in the user state folder (not the journal)",
    "formats/exporting.py": "exports: a file or folder the user names",
    "formats/export_folder.py": "exports: the folder export the user names (written aside, swapped in)",
    "tui/screens/form.py": "a temporary file for $EDITOR, in a private temporary folder",
    "commands/text_input.py": "the CLI's temporary file for $EDITOR, in the temporary folder",
    "cli.py": "stdout to /dev/null once the reader of a pipe has gone",
}
WRITING_MODULES = ("netjournal.core.atomic_file", "netjournal.core.journal_lock")
OS_WRITES = {"replace", "rename", "renames", "remove", "unlink", "rmdir", "removedirs",
             "mkdir", "makedirs", "chmod", "fchmod", "truncate", "link", "symlink"}  # fmt: skip
PATH_WRITES = {"write_text", "write_bytes", "unlink", "rmdir", "mkdir", "touch", "chmod",
               "rename", "symlink_to", "hardlink_to"}  # fmt: skip


def sources() -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(), str(path))


def imports_of(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def writes_in(tree: ast.AST) -> list[str]:
    """The calls in `tree` that create, change or remove a file or folder."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id
        owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
        code = ast.unparse(node)
        if owner == "os" and name == "open":
            flags = ast.unparse(node.args[1]) if len(node.args) > 1 else ""
            writing = any(flag in flags for flag in ("WRONLY", "RDWR", "CREAT", "TRUNC"))
        elif owner == "os":
            writing = name in OS_WRITES
        elif owner in ("shutil", "tempfile"):
            writing = owner == "shutil" or any(k.arg == "dir" for k in node.keywords)
        elif name == "open":
            mode = next((k.value for k in node.keywords if k.arg == "mode"), None)
            position = 0 if isinstance(func, ast.Attribute) else 1  # path.open(m), open(p, m)
            if mode is None and len(node.args) > position:
                mode = node.args[position]
            if isinstance(mode, ast.Constant):
                writing = not set(str(mode.value)) <= set("rbt")
            else:  # open(path, mode) writes unless told; Store.open(folder) is no file mode
                writing = mode is not None and isinstance(func, ast.Name)
        else:
            writing = isinstance(func, ast.Attribute) and name in PATH_WRITES
        if writing:
            found.append(f"line {node.lineno}: {code}")
    return found


def test_only_the_store_modules_import_the_atomic_writer_and_the_lock() -> None:
    offenders = {
        path: sorted(m for m in imports_of(tree) if m.startswith(WRITING_MODULES))
        for path, tree in sources()
        if path not in STORE_MODULES and path not in ELSEWHERE
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_nothing_outside_the_store_modules_writes_a_file() -> None:
    offenders = {
        path: writes_in(tree)
        for path, tree in sources()
        if path not in STORE_MODULES and path not in ELSEWHERE
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_nothing_outside_the_store_touches_a_private_member_of_the_store() -> None:
    private = {name for name in vars(Store) if name.startswith("_") and not name.startswith("__")}
    private |= {name for name in vars(Store(PACKAGE)) if name.startswith("_")}
    assert "_ensure_folder" in private
    offenders = []
    for path, tree in sources():
        if path == "core/store.py":
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            owner = ast.unparse(node.value)
            on_a_store = owner.lower().endswith("store")
            if node.attr.startswith("__") and node.attr.endswith("__"):
                continue
            if on_a_store or (node.attr in private and owner not in ("self", "cls")):
                offenders.append(f"{path}:{node.lineno}: {owner}.{node.attr}")
    assert offenders == []


def test_the_scan_finds_what_it_looks_for() -> None:
    tree = ast.parse(
        "import os\n"
        "from netjournal.core.atomic_file import write_atomically\n"
        "(folder / 'review-skips.json').write_bytes(b'')\n"
        "os.replace(a, b)\n"
        "open(path, 'wb')\n"
        "path.open('a')\n"
        "os.open(p, os.O_WRONLY | os.O_CREAT)\n"
        "open(path, 'rb'); path.open(); os.open(p, os.O_RDONLY); text.replace('a', 'b')\n"
    )
    assert "netjournal.core.atomic_file" in imports_of(tree)
    assert [line.split(":")[0] for line in writes_in(tree)] == [
        "line 3", "line 4", "line 5", "line 6", "line 7",
    ]  # fmt: skip

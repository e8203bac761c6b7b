"""core and formats never import textual (the UI asks the core; the core never knows a UI)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import netjournal

PACKAGE = Path(netjournal.__file__).parent


def imported_modules(folder: Path) -> set[tuple[str, str]]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found |= {(str(path), alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add((str(path), node.module))
    return found


def test_core_and_formats_source_never_import_textual() -> None:
    for layer in ("core", "formats"):
        offenders = [
            (path, module)
            for path, module in imported_modules(PACKAGE / layer)
            if module == "textual" or module.startswith(("textual.", "rich"))
        ]
        assert offenders == [], f"{layer} imports the UI: {offenders}"


def test_the_cli_and_core_run_without_loading_textual() -> None:
    code = (
        "import sys, netjournal.cli, netjournal.core.store, netjournal.core.doctor, "
        "netjournal.commands.capture, netjournal.commands.listing; "
        "import pkgutil, importlib, netjournal.formats, netjournal.core\n"
        "for pkg in (netjournal.core, netjournal.formats):\n"
        "    for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Each layer may import itself and the layers listed: the UI asks the core, never the reverse.
ALLOWED = {
    "core": {"core"},
    "formats": {"core", "formats"},
    "commands": {"core", "formats", "commands"},
    "tui": {"core", "formats", "tui"},
}


def test_each_layer_imports_only_the_layers_beneath_it() -> None:
    for layer, allowed in ALLOWED.items():
        offenders = [
            (path, module)
            for path, module in imported_modules(PACKAGE / layer)
            if module.startswith("netjournal.") and module.split(".")[1] not in allowed
        ]
        assert offenders == [], f"{layer} reaches past its layer: {offenders}"

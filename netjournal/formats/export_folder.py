"""Writing a folder of exported files so that a failure never leaves half an export.

Files are 0600 and folders 0700, like the journal's. Every file is written into a temporary
folder first (a unique name, created private; each file created exclusively, not following
links, and fsynced). Then, by what is at the destination:

- nothing, or an empty folder: the temporary folder is renamed into place in one step;
- an earlier export and nothing else: the two folders are exchanged in one step where the
  OS can (Linux `renameat2` RENAME_EXCHANGE, macOS `renamex_np` RENAME_SWAP), else the old
  one is renamed aside and the new one into place (for an instant there is no folder, but
  never a mix); the old one is then removed;
- an earlier export beside other files (a `.git`, say): those stay where they are; each
  exported file is replaced in one step (renamed over the old one), pages of people deleted
  since are removed, and the list of exported files (MARKER) names old and new files until
  the end, so a failure leaves whole files, each the old or the new one, that the next export
  replaces.

A temporary folder left by an export that was killed is removed by the next export.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from netjournal.core.atomic_file import FILE_MODE, FOLDER_MODE, fsync_folder
from netjournal.formats.errors import FormatError
from netjournal.formats.folder_swap import exchange

MARKER = ".netjournal-export"  # lists the files an export wrote, so the next one may replace them
TEMP_SUFFIX = ".netjournal-tmp"
_MARKER_BYTES = 10_000_000  # far more than any export lists: a marker is never read without end


def write_export_folder(folder: Path, files: Mapping[str, str]) -> None:
    """Write `files` (relative path -> text) as the folder `folder`; FormatError if it cannot."""
    folder = _destination(Path(folder))
    try:
        folder.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        _remove_leftovers(folder.parent, f".{folder.name}.")
        if folder.is_dir():
            _remove_leftovers(folder, f"{MARKER}.")
        earlier = earlier_export(folder)
        entries = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        if entries and earlier is None:
            raise FormatError(
                f"{folder} is not empty and holds no earlier netjournal export; "
                "export into a new or empty folder."
            )
        if not entries or _only_export(folder, earlier or []):
            new = _written_aside(folder.parent, f".{folder.name}.", files)
            try:
                if _put_in_place(new, folder, replace=bool(entries)):
                    return
            finally:
                shutil.rmtree(new, ignore_errors=True)
        _replace_in_place(folder, files, earlier or [])
    except OSError as error:
        raise FormatError(
            f"Cannot write into {folder}: {error.strerror or error}; the earlier export, if any, "
            "is as it was."
            if not isinstance(error, _Mixed)
            else f"Cannot write into {folder}: {error}."
        ) from None


class _Mixed(OSError):
    """A failure after some files of an in-place refresh were replaced."""


def earlier_export(folder: Path) -> list[str] | None:
    """The files an earlier export wrote into `folder` (None if it holds none)."""
    marker = folder / MARKER
    try:
        if marker.is_symlink() or not marker.is_file():  # a link could point at anything
            return None
        with marker.open("rb") as handle:
            listed = handle.read(_MARKER_BYTES).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return [name for name in listed if _plain(name)]


def _plain(name: str) -> bool:
    """Only plain relative names inside the folder: a marker never points elsewhere."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _destination(folder: Path) -> Path:
    folder = Path(os.path.abspath(folder))
    if folder.is_symlink():  # the user's own link to where exports go: write there
        target = folder.resolve()
        if not target.is_dir():
            raise FormatError(f"{folder} is a link, not a folder; nothing was exported.")
        folder = target
    if folder.exists() and not folder.is_dir():
        raise FormatError(f"{folder} is a file, not a folder; nothing was exported.")
    if not folder.name:
        raise FormatError(f"Cannot export into {folder}: name a folder of its own.")
    return folder


def _only_export(folder: Path, earlier: list[str]) -> bool:
    """Whether `folder` holds nothing but the earlier export (so it may be swapped whole)."""
    ours = set(earlier)
    tops = {MARKER} | {PurePosixPath(name).parts[0] for name in ours}
    for path in folder.iterdir():
        if path.name not in tops:
            return False
        if path.is_dir() and not path.is_symlink():
            for inner in path.iterdir():
                if f"{path.name}/{inner.name}" not in ours:
                    return False
    return True


def _written_aside(parent: Path, prefix: str, files: Mapping[str, str]) -> Path:
    """A new private folder in `parent` holding `files` and the MARKER, all fsynced."""
    temp = _temporary_folder(parent, prefix)
    try:
        _write_files(temp, {**files, MARKER: _marker_text(files)})
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return temp


def _write_files(root: Path, files: Mapping[str, str]) -> None:
    folders = {root}
    for relative, text in files.items():
        path = root / relative
        if path.parent not in folders:
            path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            folders.add(path.parent)
        write_new_file(path, text.encode("utf-8"))
    for made in folders:
        fsync_folder(made)


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (never one that exists, never through a link), 0600, written and fsynced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _put_in_place(new: Path, folder: Path, *, replace: bool) -> bool:
    """Move the written folder `new` to `folder` in one step; False if only a refresh in
    place can do it here (the caller then removes `new`)."""
    if not replace:
        try:
            os.rename(new, folder)  # onto nothing, or onto an empty folder: one step
        except OSError as error:
            if folder.is_dir() and any(folder.iterdir()):
                raise FormatError(
                    f"{folder} is not empty and holds no earlier netjournal export; "
                    "export into a new or empty folder."
                ) from None
            raise error
        fsync_folder(folder.parent)
        return True
    try:
        swapped = exchange(new, folder)  # `new` now holds the old export, removed after
        if not swapped:
            aside = _temporary_folder(folder.parent, f".{folder.name}.")
            os.rename(folder, aside / "old")
            try:
                os.rename(new, folder)
            except OSError:
                os.rename(aside / "old", folder)  # put the old export back
                raise
            shutil.rmtree(aside, ignore_errors=True)
    except OSError:
        return False  # a mount point, or a file system that moves no folders: in place
    fsync_folder(folder.parent)
    return True


def _replace_in_place(folder: Path, files: Mapping[str, str], earlier: list[str]) -> None:
    """Replace each exported file in one step, leaving everything else in `folder` alone."""
    for sub in {PurePosixPath(name).parent for name in files} - {PurePosixPath(".")}:
        _own_subfolder(folder / sub)
    temp = _temporary_folder(folder, f"{MARKER}.")
    try:
        _write_files(temp, {**files, "marker-all": _marker_text([*earlier, *files]),
                            "marker": _marker_text(files)})  # fmt: skip
        os.replace(temp / "marker-all", folder / MARKER)  # names every file that may be ours
        try:
            for relative in files:
                os.replace(temp / relative, folder / relative)
            for relative in set(earlier) - set(files):  # a person deleted since: their page
                if _own_subfolder((folder / relative).parent, create=False):
                    with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                        (folder / relative).unlink()  # the link itself, never its target
            os.replace(temp / "marker", folder / MARKER)
            for made in {(folder / name).parent for name in files}:
                fsync_folder(made)
        except OSError as error:
            raise _Mixed(
                f"{error.strerror or error}; some files are from this export and some from the "
                "earlier one, each whole: export again to finish"
            ) from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _own_subfolder(path: Path, *, create: bool = True) -> bool:
    """`path` as a real folder of the export (0700), never a link to somewhere else."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise FormatError(
            f"{path} is not a folder netjournal wrote (a link or a file); nothing was exported."
        )
    if not path.exists():
        if not create:
            return False
        path.mkdir(mode=FOLDER_MODE)
    os.chmod(path, FOLDER_MODE)
    return True


def _temporary_folder(parent: Path, prefix: str) -> Path:
    """A new folder in `parent`, private (0700), named for this process."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}.", suffix=TEMP_SUFFIX, dir=parent))


def _remove_leftovers(folder: Path, prefix: str) -> None:
    """Remove temporary folders that an export killed midway left in `folder`."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.[a-z0-9_]+" + re.escape(TEMP_SUFFIX) + "$")
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            found = pattern.match(path.name)
            if found and not _running(int(found[1])) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether process `pid` still runs (its export may still be writing)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, as another user
        return True
    return True


def _marker_text(names: Iterable[str]) -> str:
    return "\n".join(sorted(set(names))) + "\n"

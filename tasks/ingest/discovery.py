"""Discovery: the regular, non-hidden files under an input folder, and what could not be looked at.

Symlinked directories are never followed (no loops, no escaping the input folder); symlinks to
regular files are. Hidden names (starting with ".") are skipped. A manifest (`manifest.tsv`,
`urls.tsv`) is read, not listed: with the `<input>/<host>/…` layout it tells each file's host and
URL (tasks/ingest/origin.py). See docs/ingest.md.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from tasks.ingest.origin import Manifests, is_manifest, origin_of
from tasks.records import Quarantined, SourceFile

log = logging.getLogger("bantin.ingest")


def _rel_name(name: str) -> str:
    # Names that are not valid UTF-8 (surrogate-escaped by os) would break every writer
    # downstream; show their bytes as \xNN in rel_path (path keeps the real name).
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _rel(parts: list[str]) -> str:
    return "/".join(map(_rel_name, parts))


def _unreadable(rel_path: str, what: str, e: OSError) -> Quarantined:
    return Quarantined(rel_path, None, "unreadable", f"{what}: {e.strerror or e}")


class _DanglingSymlink(Exception):
    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


def _regular_file_stat(entry: os.DirEntry) -> os.stat_result | None:
    """The stat of the regular file ``entry`` is or links to; None for anything else (a
    symlinked directory, a FIFO, a socket, a device), which is skipped. Raises OSError when
    the entry cannot be looked at, _DanglingSymlink when it links to nothing."""
    if entry.is_symlink():
        try:
            target = os.stat(entry.path)
        except OSError as e:
            raise _DanglingSymlink(e) from e
        if stat.S_ISDIR(target.st_mode):
            log.info("not following symlinked directory %s", entry.path)
            return None
        st = target
    else:
        st = entry.stat(follow_symlinks=False)
    if not stat.S_ISREG(st.st_mode):
        log.info("skipping non-regular file %s", entry.path)
        return None
    return st


# a manifest larger than this is no file list a crawler wrote: left unread (and unlisted)
MAX_MANIFEST_BYTES = 256 * 1024 * 1024


def _read_manifest(
    entry: os.DirEntry, folder: str, manifests: Manifests, problems: list[Quarantined]
) -> None:
    try:
        if entry.stat().st_size > MAX_MANIFEST_BYTES:
            log.warning("manifest %s is over %d bytes; not read", entry.path, MAX_MANIFEST_BYTES)
            return
        with open(entry.path, encoding="utf-8-sig", errors="replace") as f:
            manifests.add(folder, f.read())
    except OSError as e:
        problems.append(
            _unreadable(
                (folder + "/" if folder else "") + _rel_name(entry.name), "manifest cannot be read", e
            )
        )


def _sort_entries(
    entries: list[os.DirEntry],
    parts: list[str],
    stack: list[tuple[str, list[str]]],
    files: list[SourceFile],
    problems: list[Quarantined],
    manifests: Manifests,
) -> None:
    """Sort one folder's entries into sub-folders to visit (pushed on ``stack``), files, problems
    and manifests."""
    prefix = _rel(parts) + "/" if parts else ""
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, parts + [name]))
                continue
            st = _regular_file_stat(entry)
        except _DanglingSymlink as e:
            problems.append(_unreadable(prefix + _rel_name(name), "dangling symlink", e.error))
            continue
        except OSError as e:
            problems.append(_unreadable(prefix + _rel_name(name), "cannot stat", e))
            continue
        if st is not None and is_manifest(name):
            _read_manifest(entry, _rel(parts), manifests, problems)
        elif st is not None:
            files.append(SourceFile(entry.path, prefix + _rel_name(name), st.st_size, st.st_mtime))


def _with_origins(files: list[SourceFile], manifests: Manifests) -> list[SourceFile]:
    out = []
    for f in files:
        o = origin_of(f.rel_path, manifests)
        out.append(SourceFile(f.path, f.rel_path, f.size, f.mtime, o.host, o.url) if o.host or o.url else f)
    return out


def discover_with_problems(input_dir: Path | str) -> tuple[list[SourceFile], list[Quarantined]]:
    """Every regular, non-hidden file under input_dir (sorted by rel_path), plus the paths that
    could not be looked at (unreadable directories, dangling symlinks, failed stat) as
    ``Quarantined(reason="unreadable")``.

    Raises FileNotFoundError / NotADirectoryError / PermissionError only for input_dir itself."""
    root = os.fspath(input_dir)
    st = os.stat(root)  # FileNotFoundError if missing (follows a symlinked root on purpose)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"input is not a directory: {root}")
    files: list[SourceFile] = []
    problems: list[Quarantined] = []
    manifests = Manifests()
    stack: list[tuple[str, list[str]]] = [(root, [])]
    while stack:
        dirpath, parts = stack.pop()
        try:
            with os.scandir(dirpath) as it:
                entries = list(it)
        except OSError as e:
            if not parts:  # the input folder itself: the caller must hear of it
                raise
            problems.append(_unreadable(_rel(parts), "directory cannot be listed", e))
            log.warning("unreadable directory %s: %s", dirpath, e)
            continue
        _sort_entries(entries, parts, stack, files, problems, manifests)
    files = _with_origins(files, manifests)
    files.sort(key=lambda f: f.rel_path)
    problems.sort(key=lambda q: q.rel_path)
    return files, problems


def discover(input_dir: Path | str) -> Iterator[SourceFile]:
    """Regular, non-hidden files under input_dir, sorted by rel_path ("/" separators).
    Raises at call time if input_dir is missing / not a directory. Problems found on the way
    are logged; use discover_with_problems to quarantine them."""
    files, problems = discover_with_problems(input_dir)
    for q in problems:
        log.warning("not ingested: %s (%s: %s)", q.rel_path, q.reason, q.detail)
    return iter(files)

"""A listing of the input folder started ahead of the flow, handed explicitly to whoever takes it.

`bantin run` lists the input while the temporary Prefect server starts (4-5 s on 2 cores), which
would otherwise be idle time before the flow's own discovery: most of a rerun that finds nothing
new. The CLI creates a :class:`ListingAhead` and passes it down; the flow's discovery calls
``take``. No module state: two listings (or two runs in one process) never see each other's.

    with ListingAhead(input_dir) as listing:        # the thread starts here
        ...
        files, problems = listing.take(input_dir) or discover_with_problems(input_dir)
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Self

from tasks.ingest.discovery import discover_with_problems
from tasks.records import Quarantined, SourceFile

Listing = tuple[list[SourceFile], list[Quarantined]]


class ListingAhead:
    """``discover_with_problems(input_dir)`` running in a background thread from construction.

    ``take(input_dir)`` returns its result once (waiting for it, or raising what it raised),
    and only for the folder it lists; after that, for any other folder, or once the ``with``
    block is left, it returns None, so nobody takes a stale listing."""

    # __slots__ (no __dict__): Prefect records a flow parameter it cannot encode as a
    # placeholder instead of walking into the thread's internals.
    __slots__ = ("_key", "_pending")

    def __init__(self, input_dir: Path | str):
        self._key = os.path.abspath(input_dir)
        pending: Future[Listing] = Future()
        self._pending: Future[Listing] | None = pending

        def work() -> None:
            try:
                pending.set_result(discover_with_problems(input_dir))
            except BaseException as exc:  # handed to the taker, raised there
                pending.set_exception(exc)

        threading.Thread(target=work, name="list-input-ahead", daemon=True).start()

    def take(self, input_dir: Path | str) -> Listing | None:
        """The listing of ``input_dir`` (waiting for it), or None: taken already, dropped, or
        started for another folder (compared as absolute paths)."""
        if self._pending is None or os.path.abspath(input_dir) != self._key:
            return None
        pending, self._pending = self._pending, None
        return pending.result()

    def drop(self) -> None:
        """Forget an untaken listing (its thread finishes on its own)."""
        self._pending = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.drop()

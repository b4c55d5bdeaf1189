"""Where clean-extract's tasks run: threads of the flow's process, or Dask."""

from __future__ import annotations

from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner


def make_task_runner(workers: int = 1, dask_address: str | None = None, api_url: str | None = None):
    """Threads in this process for one worker; Dask (local cluster or remote) for more.

    A local cluster's workers are told this flow's API address in their environment: without it,
    a worker that finds no configured server would start a temporary one of its own (5-10 s, and
    its task runs would never reach this flow's server). Workers of a remote cluster are
    configured where they run (README, "More than one machine")."""
    if dask_address or workers > 1:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": ":0",
                "env": {"PREFECT_API_URL": api_url} if api_url else {},
            }
        )
    return InterruptibleThreadPool(max_workers=1)


class InterruptibleThreadPool(ThreadPoolTaskRunner):
    """Prefect's thread pool, except that a run stopped by Ctrl-C or SIGTERM does not wait for
    the batch running in the pool's thread (up to a few minutes of pages) before it unwinds and
    records itself as interrupted; the process ends soon after, the thread with it."""

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        executor = self._executor
        if exc_type is not None and not issubclass(exc_type, Exception) and executor is not None:
            self._executor = None  # Prefect's own exit would wait for the thread
            for event in self._cancel_events.values():
                event.set()
            executor.shutdown(wait=False, cancel_futures=True)
        super().__exit__(exc_type, exc_value, traceback)

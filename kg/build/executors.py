"""Where extraction runs, behind one protocol: :class:`LocalExecutor` (this process, or a pool of worker
processes) and :class:`DaskExecutor` (a Dask cluster). Both map :func:`kg.build.tasks.process_task` over the tasks
with a bounded window in flight, so memory does not grow with the corpus; the results are the same bytes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from kg.build.tasks import Outcome, Task, init_worker, process_task
from kg.errors import BuildError, ConfigError

# Worker processes are started only with at least this many files to extract per worker: a worker loads its own
# segmenter (1-3 s), which a handful of files does not repay; fewer files run in this process.
MIN_FILES_PER_WORKER = 4


class Executor(Protocol):
    """Runs tasks and yields their outcomes (in any order). ``workers`` is known once :meth:`run` has started."""

    workers: int

    def run(self, tasks: Iterator[Task], count: int) -> Iterator[Outcome]: ...


def _window(jobs: int) -> int:
    return 4 * max(1, jobs)  # tasks in flight: enough to keep workers busy, few enough to bound memory


class LocalExecutor:
    """``jobs`` worker processes (forkserver), each loading the segmenter once; one job runs in this process."""

    def __init__(self, jobs: int, segmenter: str, model: str | None) -> None:
        self.jobs, self.segmenter, self.model = jobs, segmenter, model
        self.workers = 1

    def run(self, tasks: Iterator[Task], count: int) -> Iterator[Outcome]:
        self.workers = max(1, min(self.jobs, count // MIN_FILES_PER_WORKER))
        if self.workers <= 1:
            yield from map(process_task, tasks)
            return
        methods = multiprocessing.get_all_start_methods()
        # forkserver (or spawn): workers never inherit a lock held by another thread of this process
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        try:
            with ProcessPoolExecutor(
                max_workers=self.workers, mp_context=ctx, initializer=init_worker, initargs=(self.segmenter, self.model)
            ) as pool:
                pending: set = set()
                for task in tasks:
                    pending.add(pool.submit(process_task, task))
                    if len(pending) >= _window(self.workers):
                        done, pending = wait(pending, return_when=FIRST_COMPLETED)
                        yield from (f.result() for f in done)
                while pending:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
        except BrokenProcessPool as exc:
            raise BuildError(
                f"a worker process died ({exc or 'killed'}); build with one job to find the file"
            ) from None


class DaskExecutor:
    """A Dask cluster: the one at ``scheduler``, or a local cluster of ``jobs`` worker processes."""

    def __init__(self, jobs: int, scheduler: str | None) -> None:
        self.jobs, self.scheduler = jobs, scheduler
        self.workers = jobs

    def _client(self):
        try:
            from distributed import Client  # noqa: PLC0415
        except ImportError:
            raise ConfigError("the dask executor needs dask[distributed]: pip install 'fazhi-kg[dask]'") from None
        try:
            return (
                Client(self.scheduler)
                if self.scheduler  # timeout: distributed.comm.timeouts.connect
                else Client(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            )
        except (OSError, TimeoutError, ValueError) as exc:
            raise BuildError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None

    def run(self, tasks: Iterator[Task], count: int) -> Iterator[Outcome]:
        from distributed import as_completed  # noqa: PLC0415

        with self._client() as client:
            self.workers = sum(client.nthreads().values()) or self.jobs
            running = as_completed()
            for task in tasks:
                running.add(client.submit(process_task, task, pure=False))
                if running.count() >= _window(self.workers):
                    break
            for future in running:
                outcome = future.result()
                future.release()
                yield outcome
                task = next(tasks, None)
                if task is not None:
                    running.add(client.submit(process_task, task, pure=False))


def make_executor(name: str, jobs: int, scheduler: str | None, segmenter: str, model: str | None) -> Executor:
    """The executor called ``name`` (``local`` or ``dask``)."""
    if name == "local":
        return LocalExecutor(jobs, segmenter, model)
    if name == "dask":
        return DaskExecutor(jobs, scheduler)
    raise ConfigError(f"unknown executor {name!r} (local or dask)")

"""Where extraction runs, behind one protocol: :class:`LocalExecutor` (this process, or a pool of worker
processes) and :class:`DaskExecutor` (a Dask cluster). Both map :func:`kg.build.tasks.process_task` over the tasks
with a bounded window in flight, so memory does not grow with the corpus; the results are the same bytes."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple, Protocol

from kg.build.tasks import Outcome, Task, init_validator, init_worker, process_task
from kg.errors import BuildError, ConfigError

# Worker processes are started only with at least this many files to extract per worker: a worker loads its own
# segmenter (1-3 s), which a handful of files does not repay; fewer files run in this process.
MIN_FILES_PER_WORKER = 4


class Executor(Protocol):
    """Runs tasks and yields their outcomes (in any order). ``workers`` is known once :meth:`run` has started."""

    workers: int

    def run(self, tasks: Iterator[Task], count: int) -> Iterator[Outcome]: ...


class Spare(NamedTuple):
    """Worker processes idle once the outcomes are in, for the main process's own work: their pool and number."""

    pool: ProcessPoolExecutor
    workers: int


def spare_pool(executor: Executor) -> Spare | None:
    """The idle worker processes an executor offers once its outcomes are in (:meth:`LocalExecutor.spare`), if any."""
    spare = getattr(executor, "spare", None)
    pool = spare() if spare is not None else None
    return Spare(pool, executor.workers) if pool is not None else None


def close_executor(executor: Executor) -> None:
    """Let the executor's kept workers go (an executor that keeps none has nothing to do)."""
    close = getattr(executor, "close", None)
    if close is not None:
        close()


# What the fork server imports before it forks a worker: the script that started the build (multiprocessing's
# default, ``__main__``: each child of a server that has not would run it again — ``kg``'s console script imports the
# command line) and the modules of a task. Each worker is then a fork with them loaded, not a process importing them.
_WORKER_MODULES = ["__main__", "kg.build.tasks"]


def _context():
    """forkserver (or spawn): workers never inherit a lock held by another thread of this process."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_WORKER_MODULES)  # (no effect once the server runs: it keeps what it loaded)
    return context


def _window(jobs: int) -> int:
    return 4 * max(1, jobs)  # tasks in flight: enough to keep workers busy, few enough to bound memory


class LocalExecutor:
    """``jobs`` worker processes (forkserver), each loading the segmenter once; one job runs in this process.

    The pool outlives :meth:`run` until :meth:`close`: once the last outcome is in, its workers are idle while the
    main process merges and writes, so the build hands them work of its own (:meth:`spare`: rendering the shared
    blocks, validating the sample)."""

    def __init__(self, jobs: int, segmenter: str, model: str | None) -> None:
        self.jobs, self.segmenter, self.model = jobs, segmenter, model
        self.workers = 1
        self.pool: ProcessPoolExecutor | None = None
        self.early = 0  # workers of a pool started before the run (:meth:`prestart`), loading the segmenter
        self._starting: threading.Thread | None = None  # the thread starting them
        self._start_error: BaseException | None = None  # what that thread raised

    def prestart(self, count: int, spare: bool = False) -> None:
        """Start the worker processes a run of ``count`` tasks will use now, before the sources are scanned, so
        that they load the segmenter (0.5-1 s) while this process lists and scans them; with ``spare``, one
        process even for a run that would extract in this process (a rebuild of a large corpus: it extracts the
        few changed files there, then validates the sample, :meth:`warm_spare`). The processes are started in a
        thread: starting one waits for the fork server to load the worker's modules (``_WORKER_MODULES``), which
        this process need not wait for before it has a task to give."""
        workers = self._workers_for(count) if not spare else 1
        if self.jobs <= 1 or self.pool is not None or (workers <= 1 and not spare):
            return
        init = (self.segmenter, self.model)
        pool = self.pool = ProcessPoolExecutor(workers, _context(), initializer=init_worker, initargs=init)
        self.early = workers

        def start() -> None:
            try:
                for _ in range(workers):
                    pool.submit(int)  # (a pool starts a process per task waiting)
            except BaseException as exc:  # noqa: BLE001 - raised again by _started, in the build's thread
                self._start_error = exc

        self._starting = threading.Thread(target=start, name="kg-prestart")
        self._starting.start()

    def _started(self, quiet: bool = False) -> None:
        """Wait for the thread of :meth:`prestart`, before the pool is used or shut down; raise what it raised (a
        fork server that could not start, no file descriptor left), unless ``quiet`` (shutting down)."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        error, self._start_error = self._start_error, None
        if error is not None and not quiet:
            raise error

    def run(self, tasks: Iterator[Task], count: int) -> Iterator[Outcome]:
        self._started()
        self.workers = self._workers_for(count)
        early, self.early = self.early, 0
        if self.workers <= 1 and not (early == 1 and count):
            yield from map(process_task, tasks)  # (a spare warmed for this build stays: :meth:`warm_spare`)
            return
        if early != max(self.workers, 1):
            self.close()  # (the pool of an earlier run, or one started for another count)
            init = (self.segmenter, self.model)
            self.pool = ProcessPoolExecutor(self.workers, _context(), initializer=init_worker, initargs=init)
        pool = self.pool
        try:
            pending: set = set()
            for task in tasks:
                pending.add(pool.submit(process_task, task))
                if len(pending) >= _window(self.workers):
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            if early == 1:  # a spare started before the scan: it validates next (:meth:`warm_spare`)
                pool.submit(init_validator)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        except BrokenProcessPool as exc:
            self.close()
            why = exc or "killed"
            raise BuildError(f"a worker process died ({why}); build with one job to find the file") from None
        except BaseException:  # (a consumer that stops early closes this generator: GeneratorExit)
            self.close()
            raise

    def _workers_for(self, count: int) -> int:
        """Worker processes a run of ``count`` tasks starts (1: it runs in this process)."""
        return max(1, min(self.jobs, count // MIN_FILES_PER_WORKER))

    def warm_spare(self, count: int) -> None:
        """Before a run of ``count`` tasks that will run in this process (a rebuild that extracts a file or two),
        start one worker process for the build's own work after it, when more than one job is allowed: it loads
        the validator (pyshacl, rdflib: ~1 s) while this process extracts and merges, then validates the sample
        while this process writes ``graph.ttl`` — work a rebuild of a large corpus would otherwise do one after
        the other. A spare started before the scan (:meth:`prestart`) extracts the files itself, then loads the
        validator."""
        if self.jobs <= 1 or self._workers_for(count) > 1:
            return
        self._started()
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=init_validator)
            self.pool.submit(int)  # (a pool starts its process at the first task)
        elif self.early == 1 and not count:  # started before the scan, nothing to extract: load the validator
            self.pool.submit(init_validator)

    def spare(self) -> ProcessPoolExecutor | None:
        """The pool of the last :meth:`run`, idle once its outcomes are in (None: it ran in this process)."""
        return self.pool

    def close(self) -> None:
        """Shut the pool down (its workers exit)."""
        self._started(quiet=True)
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


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

"""Work spread over the machine's cores, by forking this process.

Only on Linux, with a second core, and only from a process running one
thread (MkDocs' build and the `xinyu` command are; `mkdocs serve` and test
runners are not): a fork copies the state the work needs (the privacy guard,
the settings) without pickling it, and a fork of a process with other
threads could inherit a lock held by one of them. Anywhere else, and when
anything goes wrong in the workers, the caller does the work itself, so the
result never depends on whether the work was spread.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Sequence

def can_fork() -> bool:
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and \
        "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def fork_pool(workers: int, initializer: Callable[..., None] | None = None,
              initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of processes forked from this one (call only when can_fork())."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=initializer, initargs=initargs)


def fork_map(function: Callable[[Any, Any], Any], items: Sequence[Any], state: Any) -> list[Any] | None:
    """[function(state, item) for item in items], computed in one forked
    process per core; None when that is not possible or failed (a worker
    raised or died): the caller then computes it itself."""
    if not can_fork() or len(items) < 2:
        return None
    workers = min(os.cpu_count() or 1, 8)
    try:
        with fork_pool(workers, initializer=_share, initargs=({"map": (function, state)},)) as pool:
            return list(pool.map(_call, items, chunksize=max(1, len(items) // (workers * 8))))
    except Exception:  # noqa: BLE001 - any failure: the caller does the work, and sees the error
        return None


def _call(item: Any) -> Any:
    function, state = shared_state("map")
    return function(state, item)


class Background:
    """Work handed to processes forked from this one while this one goes on
    (a build: the gate's reading of each page, search's segmentation).
    Users put what their work needs into `shared` before `start` (the
    workers are copies of this process at that moment); the work's
    functions find it with `shared_state`. Call `start` only when
    can_fork(). No caller ever waits for the workers to have room: when
    they are behind, stuck or broken, `hand_over` says so and the caller
    does the task itself."""

    # At most this many tasks wait for the workers (their inputs are held).
    QUEUE = 64
    # Once a result takes longer than this, no result is waited for again.
    TIMEOUT_S = 120

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.shared: dict[str, Any] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._waiting: collections.deque[Future] = collections.deque()
        self._stuck = False

    def start(self) -> None:
        # What exists now is shared with the workers page by page until
        # written: frozen, the garbage collector leaves it alone (its
        # bookkeeping would write to every object and copy the pages).
        gc.freeze()
        self._pool = fork_pool(self.workers, initializer=_share, initargs=(self.shared,))
        self._pool.submit(len, ()).result()  # the workers are forked now, not at the first task

    def hand_over(self, function: Callable[..., Any], *args: Any) -> Future | None:
        """The future of function(*args) in a worker; None when the caller
        should do it itself (QUEUE tasks are waiting, or the workers are
        stuck or broken)."""
        while self._waiting and self._waiting[0].done():
            self._waiting.popleft()
        if self._pool is None or self._stuck or len(self._waiting) >= self.QUEUE:
            return None
        try:
            future = self._pool.submit(function, *args)
        except Exception:  # noqa: BLE001 - a broken pool (a worker died): done by the caller
            return None
        self._waiting.append(future)
        return future

    def result(self, future: Future) -> Any:
        """A handed-over task's result; raises what the task raised, or
        TimeoutError when it is not done and the workers are stuck."""
        try:
            return future.result(timeout=0 if self._stuck else self.TIMEOUT_S)
        except TimeoutError:
            self._stuck = True
            raise

    def close(self) -> None:
        """Stops the workers at once: work nobody waits for is not finished."""
        if self._pool is not None:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
                process.join(5)
            self._pool = None
            gc.unfreeze()
        self._waiting.clear()


_SHARED: dict[str, Any] = {}


def _share(shared: dict[str, Any]) -> None:
    global _SHARED
    _SHARED = shared  # inherited by the fork, not pickled


def shared_state(key: str) -> Any:
    """In a Background worker: what was shared under `key` before the fork."""
    return _SHARED[key]

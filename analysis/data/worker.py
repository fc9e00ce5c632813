"""Parse an uploaded file in a process of its own, with a time and a memory budget.

A file that is slow or huge to parse must not starve everyone else: in the server's own process a parse
holds Python's lock and the server's memory, so every other session waits (or the server dies). Here the
work runs in a child process forked from a small, clean server process (``forkserver``: the child has
pandas and the loader imported already, and none of the web server's threads):

- **memory**: the child limits its own address space (``RLIMIT_AS``) to what it had at start plus
  ``Budget.memory_mb``; a parse that wants more gets ``MemoryError`` and the child reports it;
- **time**: the parent kills the child after ``Budget.seconds``;
- **priority**: the child runs at a lower CPU priority (``nice`` 10), so on a small office PC the other
  sessions are served first and only the upload waits;
- **cancel**: ``ParseJob.cancel()`` kills it at once (the Data page's "Batalkan" button);
- the child sends back the function's result (pickled: e.g. the clean frame and the report), or the
  loader's ``UnreadableFile`` / the import's ``UploadRefused`` with their message key and values.

Settings (``analysis.core.settings``, read by ``budget_from_env``): ``DASHBOARD_PARSE_SECONDS`` (120) and
``DASHBOARD_PARSE_MEMORY_MB`` (1024). Where ``forkserver`` or ``resource`` does not exist (Windows) the
child is spawned and only the time budget applies.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import spawn
from typing import Any

from analysis.core import settings
from analysis.data import loading
from analysis.data.schema import Kind
from analysis.i18n import Lang, fmt_int, t

DEFAULT_SECONDS = settings.PARSE_SECONDS.default
DEFAULT_MEMORY_MB = settings.PARSE_MEMORY_MB.default
CHILD_NICENESS = 10  # a parse yields the CPU to the server's sessions
# Imported once in the fork server, so each child starts with them loaded.
PRELOAD = [
    "analysis.data.loading",
    "analysis.data.intake",
    "analysis.data.reference",
    "analysis.data.dataset",  # a big data-folder file is parsed into the cache in a child too
]


@dataclass(frozen=True)
class Budget:
    """How long (seconds) and how much more memory (MB) one parse may take."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


def budget_from_env() -> Budget:
    """``DASHBOARD_PARSE_SECONDS`` (120) and ``DASHBOARD_PARSE_MEMORY_MB`` (1024); a value that is not a
    positive number falls back to the default."""
    return Budget(settings.PARSE_SECONDS.read(), settings.PARSE_MEMORY_MB.read())


class ParseFailed(Exception):
    """The parse did not finish: ``reason`` is ``timeout``, ``memory``, ``cancelled`` or ``crashed``."""

    def __init__(self, reason: str, budget: Budget, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.budget = budget
        self.detail = detail

    def message(self, lang: Lang = "id") -> str:
        """Why the parse stopped, in ``lang``, with the time (seconds) and memory (MB) budget it had."""
        return t(
            f"safety.worker.{self.reason}",
            lang,
            seconds=fmt_int(self.budget.seconds, lang),
            memory=fmt_int(self.budget.memory_mb, lang),
        )


class ChildRefused(Exception):
    """The child raised one of the message exceptions (``UnreadableFile``, ``UploadRefused``); ``rebuild``
    gives back the original exception type with its key and values."""


# A child normally re-runs the parent's ``__main__`` first; in a Streamlit server that "main" is the app
# script (app.py), which must not run in the child. While one of our children starts (a thread-local flag,
# so nothing else using multiprocessing is affected) the main-module entries are left out of what the
# child prepares: it imports only what the pickled function needs.
_starting = threading.local()
_original_preparation_data = spawn.get_preparation_data


def _preparation_data(name: str) -> dict:
    data = _original_preparation_data(name)
    if getattr(_starting, "active", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


spawn.get_preparation_data = _preparation_data


def _context() -> multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext:
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # Windows
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(PRELOAD)
    return context


def warm_up() -> None:
    """Start the fork server now (it imports pandas and the loader: seconds of CPU), so the first upload
    does not pay for it while other sessions are working. Does nothing where there is no fork server."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        return  # this process is itself a child still starting up (it re-runs its parent's main script)
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(OSError):
            forkserver.ensure_running()


def _virtual_bytes() -> int:
    """This process's address space now (Linux ``/proc``; 0 where unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(extra_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: time budget only
        return
    limit = _virtual_bytes() + extra_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(connection, function: Callable[..., Any], args: tuple, extra_mb: int) -> None:
    """Run in the child: lower its CPU priority, limit memory, run, send ``(status, payload)`` back."""
    with contextlib.suppress(AttributeError, OSError):  # POSIX: interactive sessions are served first
        os.nice(CHILD_NICENESS)
    _limit_memory(extra_mb)
    try:
        outcome: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        outcome = ("memory", "")
    except Exception as exc:  # every failure goes back to the parent as data
        key = getattr(exc, "key", None)
        values = getattr(exc, "values", None)
        if isinstance(key, str) and isinstance(values, dict):
            outcome = ("refused", (type(exc).__module__, type(exc).__qualname__, key, values))
        else:
            outcome = ("crashed", f"{type(exc).__name__}: {exc}")
    try:
        connection.send(outcome)
    except MemoryError:
        connection.send(("memory", ""))
    finally:
        connection.close()


def _rebuild(module: str, name: str, key: str, values: dict) -> Exception:
    with contextlib.suppress(Exception):
        cls = getattr(importlib.import_module(module), name)
        return cls(key, **values)
    return ChildRefused(key)


class ParseJob:
    """``function(*args)`` running in a child process within ``budget``.

    Poll with ``wait(seconds)`` (True when the child has answered or ended), read ``result()``, or
    ``cancel()``. ``function`` and ``args`` must be picklable (a module-level function).
    """

    def __init__(self, function: Callable[..., Any], args: tuple, budget: Budget | None = None) -> None:
        self.budget = budget or budget_from_env()
        context = _context()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, args=(send, function, args, self.budget.memory_mb), daemon=True
        )
        self.started = time.monotonic()
        _starting.active = True
        try:
            self._process.start()
        finally:
            _starting.active = False
        send.close()
        self._outcome: tuple[str, Any] | None = None

    @property
    def elapsed(self) -> float:
        """Seconds since the child was started (monotonic clock)."""
        return time.monotonic() - self.started

    @property
    def pid(self) -> int | None:
        """The child process's id; None before it has started."""
        return self._process.pid

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the answer; True when there is one (or the child ended or timed
        out). The time budget is enforced here: past it the child is killed."""
        if self._outcome is not None:
            return True
        try:
            ready = self._receive.poll(max(0.0, seconds))
        except (OSError, EOFError):
            ready = True
        if ready:
            try:
                self._outcome = self._receive.recv()
            except (EOFError, OSError):  # the child died without answering (killed by the kernel, …)
                self._outcome = ("crashed", f"exit code {self._process.exitcode}")
            self._finish()
            return True
        if self.elapsed > self.budget.seconds:
            self._stop()
            self._outcome = ("timeout", "")
            return True
        return False

    def result(self) -> Any:
        """The function's return value; raises ``ParseFailed`` or the child's message exception."""
        while not self.wait(0.2):
            pass
        assert self._outcome is not None
        status, payload = self._outcome
        if status == "ok":
            return payload
        if status == "refused":
            raise _rebuild(*payload)
        raise ParseFailed(status, self.budget, str(payload))

    def cancel(self) -> None:
        """Stop the child now (idempotent)."""
        if self._outcome is None:
            self._outcome = ("cancelled", "")
        self._stop()

    def _stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._finish()

    def _finish(self) -> None:
        self._process.join(timeout=5)
        with contextlib.suppress(OSError):
            self._receive.close()


def run(function: Callable[..., Any], args: tuple, budget: Budget | None = None) -> Any:
    """``ParseJob(function, args, budget).result()``: the command line's and tests' plain call."""
    return ParseJob(function, args, budget).result()


# --- the Data page's parses (module-level, so the child can import them) ----------------------------------


def read_headers(data: bytes, filename: str, sheet: str | None = None) -> list[str]:
    """The file's column headers as the loader reads them (``loading.read_raw``; ``sheet``: Excel sheet)."""
    return [str(c) for c in loading.read_raw(io.BytesIO(data), filename, sheet=sheet).columns]


def load_upload(
    data: bytes,
    filename: str,
    kind: Kind,
    reference,
    mapping: dict | None,
    sheet: str | None = None,
    officers=None,
    pairs: dict | None = None,
):
    """``loading.load_table`` of an upload: ``(clean frame, ValidationReport)``."""
    return loading.load_table(
        io.BytesIO(data),
        kind,
        reference,
        filename=filename,
        column_mapping=mapping,
        sheet=sheet,
        officers=officers,
        value_pairs=pairs,
    )

"""Run one submission's notebook in its sandboxed kernel and collect its answers.

A cell that raises does not stop the run (one error costs only its question). A cell that runs
too long is interrupted. A cell that kills or wedges the kernel is skipped and the notebook run
again in a new kernel, as long as time remains. After every cell the probe (``probe.py``, loaded
by path in the kernel) returns the learner's ``qK_answer`` values as JSON in the reply to its
request, so answers computed before a crash still count. Nothing is read from files the kernel
could write.
"""

from __future__ import annotations

import ast
import asyncio
import json
import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import N_, _
from .sandbox import Box, Limits

MAX_RESTARTS = 2
PROBE_TIMEOUT = 6.0
STARTUP_TIMEOUT = 60.0
ANSWER_NODES = 200_000
MAX_REPLY_CHARS = 40 * 2**20
PROBE_FILE = str(Path(__file__).resolve().parent / "probe.py")
# said in the grader's language where a reason is written (retool.grading.grade)
KILLED = N_("stopped the kernel (a crash, exit or too much memory)")
STUCK = N_("left the kernel stuck (it ignored the interrupt)")


@dataclass
class Run:
    """What running one notebook produced."""

    answers: dict = field(default_factory=dict)  # name -> {"value": json} | {"error": str}
    errors: dict = field(default_factory=dict)  # cell index -> "NameError: ..."
    timed_out: set = field(default_factory=set)  # cells interrupted at the cell time limit
    killers: dict = field(default_factory=dict)  # cell index -> what it did to the kernel
    not_run: set = field(default_factory=set)  # code cells never reached
    notes: list = field(default_factory=list)
    seconds: float = 0.0
    survivors: list = field(default_factory=list)  # processes that would not die (never expected)
    uid: int | None = None  # the sandbox's own user id (as root)


def _kernel_specs(box: Box, limits: Limits):
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    argv = box.kernel_argv(limits)

    class GradingKernelSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(
                argv=argv,
                display_name="Python 3 (grading)",
                language="python",
                env={},
                metadata={},
                interrupt_mode="message",  # signals do not reach into the sandbox's session
            )

    return GradingKernelSpecs()


def _manager(box: Box, limits: Limits, n: int):
    from jupyter_client.manager import AsyncKernelManager

    class SandboxKernelManager(AsyncKernelManager):
        def write_connection_file(self, **kwargs):
            super().write_connection_file(**kwargs)
            if box.uid is not None:  # the kernel's own user must read it
                os.chmod(self.connection_file, 0o644)

    return SandboxKernelManager(
        transport="ipc",
        ip=str(box.run / f"k{n}"),
        kernel_name="python3",
        kernel_spec_manager=_kernel_specs(box, limits),
        connection_file=str(box.run / f"kernel-{n}.json"),
    )


def _client_class():
    from nbclient import NotebookClient

    class QuietClient(NotebookClient):
        """Runs cells but keeps no outputs: a notebook printing megabytes costs nothing."""

        def output(self, outs, msg, display_id, cell_index):
            return None

        def handle_comm_msg(self, outs, msg, cell_index):
            return None

        def clear_output(self, outs, msg, cell_index):
            return None

    return QuietClient


def _kill_group(km) -> None:
    """Kill the kernel's process group (bwrap, and with it the sandbox's process namespace)."""
    provisioner = getattr(km, "provisioner", None)
    pgid = getattr(provisioner, "pgid", None)
    process = getattr(provisioner, "process", None)
    if pgid and hasattr(os, "killpg"):
        try:
            os.killpg(pgid, 9)
        except OSError:
            pass
    if process is not None:
        try:
            process.kill()
        except OSError:
            pass


def error_text(content: dict) -> str:
    name = str(content.get("ename", "Error"))[:60]
    value = re.sub(r"\x1b\[[0-9;]*m", "", str(content.get("evalue", "")))
    value = " ".join(value.split())
    if len(value) > 120:
        value = value[:117] + "..."
    return f"{name}: {value}" if value else name


def probe_expression(names: list[str]) -> str:
    """The expression the kernel evaluates: load probe.py by path and call ``answers``."""
    return (
        f"__import__('runpy').run_path({PROBE_FILE!r})['answers']"
        f"({list(map(str, names))!r}, {ANSWER_NODES})"
    )


def parse_reply(content: dict) -> dict | None:
    """The answers in a probe's execute reply, or None when it holds none that can be read."""
    try:
        entry = content["user_expressions"]["answers"]
        if entry.get("status") != "ok":
            return None
        text = entry["data"]["text/plain"]
        if not isinstance(text, str) or len(text) > MAX_REPLY_CHARS:
            return None
        payload = ast.literal_eval(text)
        answers = json.loads(payload) if isinstance(payload, str) else None
    except (KeyError, TypeError, AttributeError, ValueError, SyntaxError, RecursionError):
        return None
    if not isinstance(answers, dict):
        return None
    return {
        k: v
        for k, v in answers.items()
        if isinstance(k, str) and isinstance(v, dict) and ("value" in v or "error" in v)
    }


async def _probe(kc, names: list[str], timeout: float):
    """Ask the kernel for the answers: (answers or None, 'ok' | 'error' | 'no reply')."""
    from queue import Empty

    msg_id = kc.execute(
        "",
        silent=True,
        store_history=False,
        allow_stdin=False,
        user_expressions={"answers": probe_expression(names)},
    )
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None, "no reply"
        try:
            reply = await kc.get_shell_msg(timeout=min(remaining, 1.0))
        except Empty:
            if not await kc.is_alive():
                return None, "no reply"
            continue
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            found = parse_reply(reply.get("content", {}))
            return found, "ok" if found is not None else "error"


async def _attempt(nb, box: Box, names, limits: Limits, deadline, skip, run, n, keep_log):
    """One run in a fresh kernel; returns the cell that killed or wedged the kernel, or None."""
    from nbclient.exceptions import DeadKernelError

    km = _manager(box, limits, n)
    errors: dict[int, str] = {}
    answers: dict = {}

    def on_error(cell, cell_index, execute_reply):
        errors[cell_index] = error_text(execute_reply.get("content", {}))

    client = _client_class()(
        nb,
        km=km,
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={
            "ename": "TimeoutError",
            "evalue": _("the cell ran longer than {seconds} s and was interrupted").format(
                seconds=f"{limits.per_cell:g}"
            ),
            "traceback": [],
        },
        iopub_timeout=2,
        raise_on_iopub_timeout=False,
        record_timing=False,
        store_widget_state=False,
        on_cell_error=on_error,
        kernel_name="python3",
    )
    bad = None
    log = open(box.root / f"kernel-{n}.log", "wb") if keep_log else open(os.devnull, "wb")
    try:
        try:
            box.unseal()
            await km.start_kernel(
                cwd=box.launch_cwd,
                env=box.env(),
                stdout=log,
                stderr=log,
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
            )
            kc = km.client()
            kc.start_channels()
            startup = max(5.0, min(STARTUP_TIMEOUT, deadline - time.monotonic()))
            await kc.wait_for_ready(timeout=startup)
        except Exception as exc:
            run.notes.append(
                _("the kernel could not start ({error})").format(error=type(exc).__name__)
            )
            return None
        box.seal()
        client.kc = kc
        code_cells = [
            i for i, c in enumerate(nb.cells) if c.cell_type == "code" and str(c.source).strip()
        ]
        for index in code_cells:
            if index in skip:
                continue
            now = time.monotonic()
            if now >= deadline:
                run.not_run.update(i for i in code_cells if i >= index and i not in skip)
                break
            client.timeout = max(1, math.ceil(min(limits.per_cell, deadline - now)))
            try:
                await client.async_execute_cell(nb.cells[index], index, store_history=True)
            except DeadKernelError:
                run.killers[index] = KILLED
                bad = index
                break
            except Exception as exc:  # nbclient could not run the cell: that cell's error
                errors[index] = f"{type(exc).__name__}: the cell could not be run"
            if errors.get(index, "").startswith("TimeoutError"):
                run.timed_out.add(index)
            intrusion = box.intrusion()
            if intrusion:
                run.killers[index] = intrusion
                bad = index
                break
            # after an interrupt an honest kernel answers in milliseconds; wait a while, not long
            probe_time = max(3.0, min(PROBE_TIMEOUT, deadline - time.monotonic()))
            found, status = await _probe(kc, names, probe_time)
            if found is not None:
                answers = found
            elif status == "error":
                note = _(
                    "the answers could not be read after some cells (the notebook broke Python)"
                )
                if note not in run.notes:
                    run.notes.append(note)
            else:
                run.killers[index] = STUCK if await kc.is_alive() else KILLED
                bad = index
                break
        return bad
    finally:
        run.errors.update(errors)
        await _stop(km, client)
        run.survivors += box.reap()
        log.close()
        run.answers.update(answers)


async def _stop(km, client) -> None:
    try:
        if getattr(client, "kc", None) is not None:
            client.kc.stop_channels()
    except Exception:
        pass
    _kill_group(km)
    try:
        await asyncio.wait_for(km.shutdown_kernel(now=True), 10)
    except BaseException:
        pass
    _kill_group(km)
    try:
        await km.cleanup_resources()
    except Exception:
        pass


async def run_notebook(nb, box: Box, names: list[str], limits: Limits, keep_log=False) -> Run:
    """Run a notebook (an nbformat node, changed in place) in ``box``; collect its answers."""
    run = Run(uid=box.uid)
    start = time.monotonic()
    deadline = start + limits.timeout
    skip: set[int] = set()
    for attempt in range(MAX_RESTARTS + 1):
        bad = await _attempt(nb, box, names, limits, deadline, skip, run, attempt, keep_log)
        if bad is None:
            break
        skip.add(bad)
        if time.monotonic() >= deadline - 2:
            run.notes.append(_("no time left to run the notebook again without that cell"))
            break
        if attempt == MAX_RESTARTS:
            run.notes.append(_("gave up after {count} kernels").format(count=MAX_RESTARTS + 1))
    run.seconds = time.monotonic() - start
    return run

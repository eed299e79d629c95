"""Start a grading kernel under resource limits: ``python launch.py AS FSIZE NPROC CPU -f FILE``.

Run by path (inside the sandbox, before any of the learner's code): sets the limits on address
space (bytes, 0 for none), the size of any one file written, the number of processes and threads
of the kernel's user, and CPU seconds per process, with no core files; then starts ipykernel.
Limits that cannot be set are left as they are (the sandbox and the grader's clocks still hold).
"""

import os
import sys


def set_limits(address_space: int, file_size: int, processes: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # not a POSIX system
        return
    wanted = [
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_FSIZE, file_size),
        (resource.RLIMIT_NPROC, processes),
        (resource.RLIMIT_CPU, cpu_seconds),
    ]
    if address_space > 0:
        wanted.append((resource.RLIMIT_AS, address_space))
    for which, value in wanted:
        if value <= 0 and which != resource.RLIMIT_CORE:
            continue
        try:
            _, hard = resource.getrlimit(which)
            if hard == resource.RLIM_INFINITY or value <= hard:
                resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass


if __name__ == "__main__":
    set_limits(*(int(a) for a in sys.argv[1:5]))
    del sys.argv[1:5]
    # the grader's process id means nothing in the sandbox (the kernel would think it orphaned)
    for name in [n for n in os.environ if n.startswith("JPY_")]:
        del os.environ[name]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()

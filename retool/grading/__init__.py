"""Grade a class safely: ``python -m retool grade FOLDER``.

Parts, each passing data to the next:

* :mod:`.submissions`: the class folder, read only: which files, which exercise, or why not;
* :mod:`.sandbox`: a bubblewrap sandbox per kernel (own user, no network, own processes, limits);
* :mod:`.launch`: starts the kernel under resource limits, inside the sandbox;
* :mod:`.runner`: runs the notebook cell by cell, restarting past crashes, and after every cell
  asks :mod:`.probe` (loaded by path in the kernel) for the answers as JSON;
* :mod:`.grade`: decodes the answers and checks them here, with the course's own checks;
* :mod:`.report`: score table, summary, item analysis, feedback files, Canvas gradebook;
* :mod:`.cli`: the command line.
"""

from .cli import main  # noqa: F401
from .grade import Graded, Row, decode, flags, grade_answers, grade_folder  # noqa: F401
from .report import ClassResult, output_paths, write_result  # noqa: F401
from .runner import Run, run_notebook  # noqa: F401
from .sandbox import Limits, SandboxUnavailable  # noqa: F401
from .submissions import (  # noqa: F401
    Submission,
    exercise_modules,
    find_submissions,
    identify,
    questions_of,
    read_submission,
)

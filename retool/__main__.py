"""Command line: ``python -m retool COMMAND`` (or ``retool COMMAND``).

Commands:
  audit [--lang zh]  print the claims audit (every claim, printed vs recomputed, verdict)
  validate           validate data/datapackage.json with frictionless and the course's checks
  rehash             record every data file's sha256 in datapackage.json (after a deliberate edit)
  make-exercises     regenerate exercises/ from solutions/
  notebooks          sync lessons/ and solutions/ with their text twins (--check, --execute)
  messages           extract the library's messages into the translation catalogues (--check)
  misconceptions     the checks' named mistakes as the teaching guide's list (--write, --check)
  grade FOLDER       grade a folder of submitted exercise notebooks into a score table
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "audit":
        return audit(rest)

    if command == "validate":
        from . import datapackage

        return datapackage.validate_cli()
    if command == "rehash":
        from . import datapackage

        for name, digest in datapackage.rehash().items():
            print(f"{name}: {digest}")
        return 0
    if command == "make-exercises":
        from .exercises import generate

        return generate.main(rest)
    if command == "notebooks":
        from . import notebooks

        return notebooks.main(rest)
    if command == "messages":
        from . import messages

        return messages.main(rest)
    if command == "misconceptions":
        from .exercises import misconceptions

        return misconceptions.main(rest)
    if command == "grade":
        from . import grading

        return grading.main(rest)
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


def audit(argv: list[str]) -> int:
    """``audit [--lang en|zh]``: the claims audit, in English or Chinese."""
    import argparse

    from . import claims, i18n

    parser = argparse.ArgumentParser(prog="python -m retool audit", description=audit.__doc__)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="the report's language")
    args = parser.parse_args(argv)
    with i18n.use(args.lang or i18n.language()):
        print(claims.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())

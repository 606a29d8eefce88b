"""``./run translations``: the state of every section's translation, a check for CI, and confirming translations.

::

    ./run translations                                   every section and its state
    ./run translations --check                           exit 1 unless every section is current
    ./run translations accept operations.md#backup …     record the current Japanese text of these sections
    ./run translations accept operations.md              … of a page's text before its first section
    ./run translations accept --all                      … of every section

Exit codes: 0 done (or, with ``--check``, every section current and every record in use);
1 ``--check`` found a section possibly out of date or not yet recorded, or a record of a
section that is gone; 2 the command cannot do what was asked (an unknown page or anchor, a
record with broken rows, no Japanese folder), with a message and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from isocontrols.translations import record, status
from isocontrols.translations.status import COMMAND, ORIGINAL, TRANSLATION, State, Status

EXIT_OUT_OF_STEP = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors (2, as argparse's own) and the command's name."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{COMMAND}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=COMMAND, description="Whether each English section is in step with its Japanese original.")
    parser.add_argument("--docs", default="docs", help="the docs folder, holding ja/, en/ and translations.csv (default: docs)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every section is current")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    accept = commands.add_parser("accept", help="record the current Japanese text of sections as translated")
    accept.add_argument("sections", nargs="*", metavar="PAGE#ANCHOR", help="e.g. operations.md#backup; a page name alone is its text before the first section")
    accept.add_argument("--all", action="store_true", help="every section")
    return parser


def _read_status(docs: Path) -> tuple[Status, Path, str]:
    """Every section's state; raises ``SystemExit`` when the pages or the record cannot be read whole."""
    folder = docs / ORIGINAL
    prefix = docs.as_posix().rstrip("/") + "/"
    if not folder.is_dir():
        _fail(f"no Japanese pages: {prefix}{ORIGINAL}/ is not a folder (give the docs folder with --docs)")
    pages = {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8-sig") for path in sorted(folder.rglob("*.md"))}
    path = docs / record.RECORD_NAME
    shown = prefix + record.RECORD_NAME
    found = status.compare(pages, record.load(path, shown), f"{prefix}{ORIGINAL}/")
    if found.problems:
        _fail("\n".join(str(problem) for problem in found.problems) + f"\nfix these first: {COMMAND} never rewrites a record it cannot read whole")
    return found, path, prefix


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(EXIT_ERROR)


def _print_states(found: Status, shown: str, prefix: str, only_out_of_step: bool) -> None:
    """One line per section (with ``only_out_of_step``, per section not current), then the records of vanished sections."""
    width = max(len(state.value) for state in State)
    print(f"{shown}: the English edition ({prefix}{TRANSLATION}/) against the Japanese original ({prefix}{ORIGINAL}/)")
    for item in found.tracked:
        if not (only_out_of_step and item.state is State.CURRENT):
            print(f"  {item.state.value:<{width}}  {item.section.name}")
    for vanished in found.vanished:
        print(f"  {'record only':<{width}}  {status.vanished_note(vanished, shown, prefix)}")


def _summary(found: Status) -> str:
    counts = [f"{len(found.named(state))} {state.value}" for state in State]
    line = f"{len(found.tracked)} sections: " + ", ".join(counts)
    if found.vanished:
        line += f"; {len(found.vanished)} record(s) of sections no longer in the Japanese edition"
    return line + "."


def _show(found: Status, shown: str, prefix: str, check: bool) -> int:
    _print_states(found, shown, prefix, only_out_of_step=check)
    print(_summary(found))
    if found.in_step:
        return 0
    print(f"Once an English section says what its Japanese original says: {COMMAND} accept PAGE#ANCHOR")
    return EXIT_OUT_OF_STEP if check else 0


def _accept(found: Status, path: Path, shown: str, prefix: str, names: Sequence[str], every: bool) -> int:
    if every == bool(names):
        _fail(f"{COMMAND} accept: name the sections (operations.md#backup …) or give --all, not both")
    try:
        done = status.accept(found, None if every else list(names), f"{prefix}{ORIGINAL}/")
    except status.UnknownSections as error:
        _fail(f"{error}\nnothing was recorded")
    record.write(path, done.entries)
    for item in done.recorded:
        print(f"recorded {item.section.name} (was {item.state.value})")
    for name in done.already_current:
        print(f"{name} was current already")
    for vanished in done.removed:
        print(f"removed the record of {vanished.name} ({shown}:{vanished.line}): {status.vanished_reason(vanished, prefix)}")
    print(f"{shown}: {len(done.recorded)} section(s) recorded, {len(done.removed)} record(s) removed.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit code."""
    arguments = _parser().parse_args(argv)
    docs = Path(arguments.docs)
    found, path, prefix = _read_status(docs)
    shown = prefix + record.RECORD_NAME
    if arguments.command == "accept":
        if arguments.check:
            _fail(f"{COMMAND}: --check only reads; give it without accept")
        return _accept(found, path, shown, prefix, arguments.sections, arguments.all)
    return _show(found, shown, prefix, arguments.check)

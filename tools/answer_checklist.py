"""``./run answer CHECKLIST [-o OUT] [--lang ja|en] [--force]``: a customer's checklist answered in a copy.

A thin adapter, like the MkDocs hook: it builds the site with MkDocs' API into a temporary
folder (as ``./run build`` does, strict, for ``SITE_URL`` or the address in ``mkdocs.yml``),
reads the answers data that build wrote (``answers/data.<lang>.json``) and hands the work to
``isocontrols.answers.checklist``. Building rather than reading an earlier build means the
answers are always those of the white paper as it is now, from a fresh clone too; it takes
about a second.

Exit codes: 0 the copy was written; 1 the checklist cannot be answered (no such file, a kind
of file it cannot read, no control number in it, an output that exists without ``--force``);
2 wrong arguments; 3 the site does not build (its problems are printed).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from isocontrols.answers import checklist, data  # noqa: E402
from isocontrols.catalogue import LANGUAGES  # noqa: E402
from isocontrols.problems import warnings_of  # noqa: E402

SITE_DOES_NOT_BUILD = {
    "ja": "サイトをビルドできないため、回答できません（./run build で確認してください）:",
    "en": "the site does not build, so there is nothing to answer from (see ./run build):",
}


class SiteDoesNotBuild(Exception):
    """The site has problems a writer must fix, so there is no published text to answer from."""


def build_answers_data(language: str) -> dict:
    """Build the site into a temporary folder and return the answers data of ``language``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # MkDocs' progress is not this command's business; its warnings are kept for the failure's message
    with warnings_of(logging.getLogger("mkdocs")) as warnings:
        try:
            with tempfile.TemporaryDirectory(prefix="answer-") as site_dir:
                config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir, strict=True)
                build(config)
                return json.loads(Path(site_dir, data.data_path(language)).read_text(encoding="utf-8"))
        except (MkDocsException, OSError) as error:
            raise SiteDoesNotBuild("\n".join([SITE_DOES_NOT_BUILD[language], *warnings, str(error)]).rstrip()) from error


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="./run answer",
        description="Answer a security checklist (.xlsx or .csv) from the white paper, in a copy "
        "with columns added: controls found, status, sections, answer text, links.",
    )
    parser.add_argument("checklist", type=Path, help="the customer's checklist, .xlsx or .csv")
    parser.add_argument("-o", "--output", type=Path, help="where to write the copy (default: CHECKLIST.answered.xlsx beside it)")
    parser.add_argument("--lang", choices=LANGUAGES, default=LANGUAGES[0], help="language of the answers and messages (default: ja)")
    parser.add_argument("--force", action="store_true", help="overwrite the output if it exists")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = arguments(sys.argv[1:] if argv is None else argv)
    target = options.output or checklist.default_target(options.checklist)
    try:
        checklist.check_paths(options.checklist, target, options.force, options.lang)
        document = build_answers_data(options.lang)
        report = checklist.answer_file(options.checklist, target, document, options.lang)
    except checklist.ChecklistError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # the disk refused: full, read-only, removed meanwhile
        print(checklist.MESSAGES[options.lang]["not_written"].format(path=target, reason=error.strerror or error), file=sys.stderr)
        return 1
    except SiteDoesNotBuild as error:
        print(error, file=sys.stderr)
        return 3
    print("\n".join(report.lines()))
    print(checklist.MESSAGES[options.lang]["written"].format(path=target))
    return 0


if __name__ == "__main__":
    sys.exit(main())

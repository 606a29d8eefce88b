"""Writing a PDF with WeasyPrint: a tagged PDF, and a problem for whatever would make it silently wrong."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from isocontrols.pdf.writer import fallback_fonts, write

DOCUMENT = '<!DOCTYPE html><html lang="ja"><head><title>試験</title></head><body><h2>見出し</h2><p>本文 text</p>{extra}</body></html>'


@pytest.mark.parametrize(
    ("families", "expected"),
    [
        ({"Noto Sans CJK JP"}, []),
        ({"Noto Sans CJK JP", "Noto Sans Mono CJK JP"}, []),
        (set(), []),
        ({"Noto Sans CJK JP", "DejaVu Sans"}, ["DejaVu Sans"]),
        ({"Liberation Sans", "DejaVu Sans"}, ["DejaVu Sans, Liberation Sans"]),
    ],
)
def test_fallback_fonts_names_every_font_the_stylesheet_did_not_ask_for(families: set[str], expected: list[str]) -> None:
    problems = fallback_fonts(families, "whitepaper.pdf")
    assert [problem.message.split(" instead of ")[0].removeprefix("text set in ") for problem in problems] == expected
    assert all(str(problem).startswith("whitepaper.pdf: ") and "fonts-noto-cjk" in str(problem) for problem in problems)


def test_write_makes_a_tagged_pdf_in_noto_cjk(tmp_path: Path) -> None:
    target = tmp_path / "en" / "whitepaper.pdf"
    assert write(DOCUMENT.format(extra=""), target, str(tmp_path / "index.html"), "en/whitepaper.pdf") == []
    reader = PdfReader(target)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ja" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "試験"
    assert "本文" in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('<img src="missing.png" alt="">', "missing.png"),
        ('<img src="https://example.org/logo.png" alt="">', "https://example.org/logo.png"),
        ('<p style="colour: red">x</p>', "WeasyPrint: Ignored `colour: red`"),
    ],
)
def test_write_reports_what_it_could_not_load_or_understand(tmp_path: Path, extra: str, message: str) -> None:
    problems = write(DOCUMENT.format(extra=extra), tmp_path / "whitepaper.pdf", str(tmp_path / "index.html"), "whitepaper.pdf")
    assert len(problems) == 1 and problems[0].file == "whitepaper.pdf"
    assert message in problems[0].message


def test_write_without_weasyprint_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing: the import fails
    problems = write(DOCUMENT.format(extra=""), tmp_path / "whitepaper.pdf", str(tmp_path), "whitepaper.pdf")
    assert [problem.message.split(" (")[0] for problem in problems] == ["cannot make the PDF: WeasyPrint does not load"]
    assert "./run build" in problems[0].message and "PDF_EDITIONS=false" in problems[0].message
    assert not (tmp_path / "whitepaper.pdf").exists()

"""Write a PDF edition with WeasyPrint and check what came out, returning problems rather than raising.

WeasyPrint lays the document out with ``edition.css`` as a tagged PDF (PDF/UA-1: a structure
tree, the document's language and title), embeds a subset of each font it uses, and turns
headings into bookmarks. It reads nothing from the network: only files (the site's own)
and ``data:`` addresses. Everything that could make the PDF silently wrong becomes a
problem, which fails ``mkdocs build --strict``: WeasyPrint or Pango missing, a resource it
could not load, a warning it logged (a CSS rule it ignored), and text set in a font other
than the Noto CJK fonts the stylesheet names (a machine without Debian's ``fonts-noto-cjk``
would otherwise fall back to whatever it has, or to boxes for Japanese).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from isocontrols.problems import Problem, warnings_of

STYLESHEET = Path(__file__).with_name("edition.css")
"""The layout of the PDF editions: page size, cover, running heads, page numbers, contents, bookmarks."""

FONT_FAMILIES = frozenset({"Noto Sans CJK JP", "Noto Sans Mono CJK JP"})
"""The fonts ``edition.css`` sets text in, from Debian's ``fonts-noto-cjk``: any other is a fallback."""

INSTALL_HINT = "`./run build` installs what it needs (Debian's libpango-1.0-0 and fonts-noto-cjk); PDF_EDITIONS=false builds without the PDFs"
"""What to do about a machine that cannot make the PDFs."""


def write(html: str, target: Path, base_url: str, shown_as: str) -> list[Problem]:
    """Write ``html`` (``edition.document``) as a PDF to ``target``; ``shown_as`` names it in problems."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: WeasyPrint is installed but Pango is not
        return [Problem(shown_as, None, f"cannot make the PDF: WeasyPrint does not load ({error}); {INSTALL_HINT}")]
    fetcher = weasyprint.URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    with warnings_of(weasyprint.LOGGER) as warnings:
        try:
            document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                stylesheets=[weasyprint.CSS(filename=STYLESHEET, url_fetcher=fetcher)]
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(target, pdf_variant="pdf/ua-1")
        except (weasyprint.urls.URLFetchingError, weasyprint.urls.FatalURLFetchingError) as error:
            reason = f" ({error.__cause__})" if error.__cause__ else ""
            return [Problem(shown_as, None, f"cannot make the PDF: {error}{reason}")]
    problems = [Problem(shown_as, None, f"WeasyPrint: {message}") for message in warnings]
    return problems + fallback_fonts({font.family for font in document.fonts.values()}, shown_as)


def fallback_fonts(families: Iterable[str], shown_as: str) -> list[Problem]:
    """A problem when text was set in a font the stylesheet does not name (the named one is not installed)."""
    others = sorted(set(families) - FONT_FAMILIES)
    if not others:
        return []
    return [Problem(shown_as, None, f"text set in {', '.join(others)} instead of Noto Sans CJK JP; {INSTALL_HINT}")]

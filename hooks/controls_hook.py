"""MkDocs hook: the control index of the white paper (a thin adapter over ``isocontrols``).

It translates MkDocs events into calls of the plain modules and is the only place that
logs. With mkdocs-static-i18n the whole build runs once per language (Japanese first,
then English from inside the first build's ``on_post_build``), and MkDocs keeps this
module loaded between builds, so the state lives in one ``BuildState`` created anew in
each build's ``on_files``.

- ``on_files``: read every page of both languages, build the index, report problems.
- ``on_page_markdown``: link the page's citations; fill the control index and errata markers.
- ``on_post_build``: write ``controls.json`` at the site root (default-language build).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from isocontrols import catalogue, citations, errata, exports, index, rendering, validation

log = get_plugin_logger("isocontrols")


@dataclass
class BuildState:
    """What one language's build knows once every page of both languages has been read."""

    language: str
    corpus: index.Corpus
    entries: dict[str, index.Entry]


_state: BuildState | None = None


def _language_and_page(src_uri: str) -> tuple[str, str] | None:
    """``ja/operations.md`` → (``ja``, ``operations.md``); ``None`` outside the language folders."""
    language, _, page = src_uri.partition("/")
    if language in catalogue.LANGUAGES and page.endswith(".md"):
        return language, page
    return None


def _read_corpus(files: Files) -> index.Corpus:
    corpus: index.Corpus = {language: {} for language in catalogue.LANGUAGES}
    for file in files.documentation_pages():
        located = _language_and_page(file.src_uri)
        if located:
            corpus[located[0]][located[1]] = citations.scan(file.content_string)
    return corpus


def _docs_prefix(config: MkDocsConfig) -> str:
    """How writers see the docs folder in messages: ``docs/``."""
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    return os.path.relpath(config.docs_dir, root).replace(os.sep, "/") + "/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read both editions, index them, and report what a writer must fix."""
    global _state
    language = config.theme["language"]
    corpus = _read_corpus(files)
    docs_prefix = _docs_prefix(config)
    problems = validation.check(corpus, catalogue.load(), docs_prefix)
    # Both language builds see every file: report each problem once, in the build of its file's language.
    for problem in problems:
        if problem.file.startswith(f"{docs_prefix}{language}/"):
            log.warning(str(problem))
    _state = BuildState(language=language, corpus=corpus, entries=index.build(corpus, catalogue.load()))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link citations, then write the generated index or errata where the page asks for them."""
    located = _language_and_page(page.file.src_uri)
    if _state is None or located is None:
        return markdown
    language, path = located
    # Scanned again: this Markdown has lost its front matter, so offsets differ from the file's.
    markdown = rendering.link_citations(markdown, citations.scan(markdown), path, language, catalogue.load())
    if rendering.INDEX_MARKER in markdown:
        generated = rendering.render_index(_state.entries, catalogue.load(), path, language)
        markdown = rendering.replace_marker(markdown, rendering.INDEX_MARKER, generated)
    if rendering.ERRATA_MARKER in markdown:
        generated = rendering.render_errata(errata.load(), path, language)
        markdown = rendering.replace_marker(markdown, rendering.ERRATA_MARKER, generated)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Write the exports once, at the root of the site, during the default language's build."""
    if _state is None or _state.language != catalogue.LANGUAGES[0]:
        return
    base_path = urlsplit(config.site_url or "/").path or "/"
    text = exports.controls_json(_state.entries, config.site_url or "", base_path)
    Path(config.site_dir, "controls.json").write_text(text, encoding="utf-8")

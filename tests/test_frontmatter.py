"""Front matter taken off as MkDocs takes it off (isocontrols.frontmatter against mkdocs.utils.meta.get_data)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from isocontrols.frontmatter import split

PAGES = [
    "# 5. 運用\n\n本文\n",
    "---\ntitle: 運用\ndescription: '説明'\n---\n\n# 5. 運用\n",
    "---\ntitle: 運用\n...\n# 5. 運用\n",
    "---\n- a list\n---\n# 5. 運用\n",
    "---\ntitle: [broken\n---\n# 5. 運用\n",
    "---\n# only a comment\n---\n\n# 5. 運用\n",
    "---\n---\n# 5. 運用\n",
    "Title: 運用\nSummary: first\n    continued\n\n# 5. 運用\n",
    "Note: this line is eaten by MkDocs\n# Heading\n",
    "\n\n# Heading\n",
    "---\ntitle: x\n---",
    "",
    "title : not meta\n",
]


@pytest.mark.parametrize("text", PAGES)
def test_body_and_meta_are_those_mkdocs_takes(text: str) -> None:
    body, meta = get_data(text)
    found = split(text)
    assert (found.body, found.meta) == (body, meta)
    if text.endswith(body):
        assert found.first_line == text[: len(text) - len(body)].count("\n") + 1


def test_the_body_starts_on_the_line_after_the_front_matter() -> None:
    assert split("---\ntitle: 運用\n---\n\n# 5. 運用\n").first_line == 5
    assert split("# 5. 運用\n").first_line == 1


@pytest.mark.parametrize(("text", "multimarkdown"), [("Note: eaten\n\n# H\n", True), ("---\ntitle: x\n---\n# H\n", False), ("# H\n", False)])
def test_meta_data_written_as_key_value_lines_is_told_apart(text: str, multimarkdown: bool) -> None:
    assert split(text).multimarkdown is multimarkdown


PIECES = st.sampled_from(["---", "...", "title: 運用", "Key: value", "    more", "\t- item", "# 見出し", "", "本文", "a: [b", "- x", "---\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8).map("\n".join))
def test_any_page_is_split_as_mkdocs_splits_it(text: str) -> None:
    body, meta = get_data(text)
    assert (split(text).body, split(text).meta) == (body, meta)

"""Search tokens: how text becomes index terms, the same on the page and in the browser.

``overrides/assets/javascripts/isosearch/tokens.js`` is the JavaScript twin of this
module; ``tests/test_search_tokens.py`` feeds both the same inputs and compares them.
A token is one of four kinds::

    control  【A.9.2.3】, a.9.2.3, Ａ．９．２．３  → "a.9.2.3" and "9.2.3" (both forms)
    number   5.3, 72, 27017                      → "5.3", "72", "27017"
    word     Encrypted, ISO/IEC                 → "encrypt", "iso", "iec" (Porter stem)
    cjk      ネットワークの分離                   → "ネッ", "ット", …, "の分", "分離" (bigrams)

Each character is NFKC-normalised and lower-cased on its own, so every token keeps the
offsets of the original text it came from (for highlighting). A Japanese run of kana and
kanji becomes overlapping character bigrams (a lone character stays a unigram): the
reader's query is cut the same way, so a phrase typed with or without spaces finds the
text. A trailing long-vowel mark of a katakana word is dropped (ユーザー = ユーザ).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS

CJK = "\u3005-\u3007\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and kanji (with 々 and ー, without the ・ separator), after NFKC."""

LETTERS = "a-z\u00df-\u00f6\u00f8-\u024f"
"""Latin letters after lower-casing."""

TOKEN = re.compile(
    rf"(?<![{LETTERS}0-9])(?P<prefix>a|cld)(?:\.(?P<partial>[0-9]+(?:\.[0-9]+)*)|(?P<dotless>[0-9]+(?:\.[0-9]+)+))(?![0-9])"
    rf"|(?P<number>[0-9]+(?:\.[0-9]+)*)"
    rf"|(?P<word>[{LETTERS}]+)"
    rf"|(?P<cjk>[{CJK}]+)"
)
"""One token of normalised text: a control number (A.9.2.3, cld.12.1.5, a9.2.3), a number, a word or a CJK run.
ASCII digits only (as ``\\d`` in JavaScript): other digits that NFKC does not fold are not numbers."""

LONG_VOWEL = "\u30fc"
"""ー, dropped where it ends a katakana word of three or more characters (サーバー → サーバ)."""

class _LunrJsStemmer(PorterStemmer):
    """The Python Porter stemmer with lunr.js's rule 1c, so both sides stem alike (``key`` stays ``key``)."""

    def step1c(self) -> None:
        """Turn a final ``y`` into ``i`` after a consonant that is not the first letter (``try`` → ``tri``)."""
        if self.ends("y") and self.j - self.k0 >= 1 and self.b[self.j] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_STEMMER = _LunrJsStemmer()


class Token(NamedTuple):
    """One index term and the span ``[start, end)`` of the original text it stands for.

    A named tuple rather than a frozen dataclass: the index of a large site makes millions.
    """

    term: str
    kind: str
    start: int
    end: int


VOICING_MARKS = ("\u3099", "\u309a")
"""Combining (semi-)voiced sound marks: half-width ﾞ and ﾟ become these, and join the kana before them."""


class _FoldTable(dict[int, str]):
    """Each character NFKC-normalised and lower-cased, as a ``str.translate`` table filled as
    characters are met (a site uses a few thousand): folding a text runs at C speed."""

    def __missing__(self, ordinal: int) -> str:
        folded = self[ordinal] = unicodedata.normalize("NFKC", chr(ordinal)).lower()
        return folded


_FOLD_TABLE = _FoldTable()


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC and lower case, character by character; also the original offset of each output character."""
    folded_text = text.translate(_FOLD_TABLE)
    if len(folded_text) == len(text) and not any(mark in folded_text for mark in VOICING_MARKS):
        return folded_text, list(range(len(text)))  # the common case: every character folds to one
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        folded = _FOLD_TABLE[ord(char)]
        if folded in VOICING_MARKS and chars:
            voiced = unicodedata.normalize("NFC", chars[-1] + folded)
            if len(voiced) == 1:
                chars[-1] = voiced
                continue
        for part in folded:
            chars.append(part)
            origin.append(offset)
    return "".join(chars), origin


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The English Porter stem that lunr uses (``encrypted`` → ``encrypt``), cached per word."""
    return _STEMMER.stem(word)


def _span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    return origin[start], origin[end - 1] + 1


def _is_katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char == LONG_VOWEL


def _is_final_long_vowel(run: str, i: int) -> bool:
    """Whether ``run[i]`` is a ー that ends a katakana word after two katakana."""
    return (
        run[i] == LONG_VOWEL
        and i >= 2
        and _is_katakana(run[i - 1])
        and _is_katakana(run[i - 2])
        and (i + 1 == len(run) or not _is_katakana(run[i + 1]))
    )


def _cjk_tokens(run: str, start: int, origin: list[int]) -> list[Token]:
    """Bigrams of a kana/kanji run (a unigram when the run is one character)."""
    kept = [(char, start + i) for i, char in enumerate(run) if not _is_final_long_vowel(run, i)]
    if len(kept) == 1:
        char, at = kept[0]
        return [Token(char, "cjk", *_span(origin, at, at + 1))]
    return [
        Token(a + b, "cjk", *_span(origin, i, j + 1))
        for (a, i), (b, j) in zip(kept, kept[1:])
    ]


def _tokens_of_match(match: re.Match[str], origin: list[int]) -> list[Token]:
    kind = match.lastgroup
    span = _span(origin, match.start(), match.end())
    if match.group("prefix"):
        number = match.group("partial") or match.group("dotless")
        return [Token(f"{match.group('prefix')}.{number}", "control", *span), Token(number, "control", *span)]
    if kind == "number":
        return [Token(match.group(), "number", *span)]
    if kind == "word":
        word = match.group()
        return [] if word in STOP_WORDS else [Token(stem(word), "word", *span)]
    return _cjk_tokens(match.group(), match.start(), origin)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in reading order; stop words (``the``, ``of``) give none."""
    normal, origin = normalise(text)
    tokens: list[Token] = []
    for match in TOKEN.finditer(normal):
        tokens.extend(_tokens_of_match(match, origin))
    return tokens


def split_terms(text: str) -> tuple[list[str], list[str]]:
    """The terms of ``tokenize(text)`` in two lists: control-number terms apart, all others in order
    (the fields of a search document, as ``index.js`` builds them in the browser)."""
    tokens = tokenize(text)
    return [t.term for t in tokens if t.kind != "control"], [t.term for t in tokens if t.kind == "control"]


def control_terms(identifier: str) -> tuple[str, ...]:
    """The control-number terms of an identifier such as ``A.8.13`` or ``8.13`` (for extra keywords)."""
    return tuple(token.term for token in tokenize(identifier) if token.kind in ("control", "number"))

"""A customer's security checklist (``.xlsx`` or ``.csv``) answered in a copy, row by row.

Sales receive spreadsheets whose rows name controls in the customer's spelling. This module
finds the control numbers of each row (``resolver``, as the answers page reads them) and
writes a copy of the checklist with columns added at the right of each sheet that has
control numbers::

    読み取った管理策 | 状況 | 節 | 回答 | リンク 1 | リンク 2 | …
    Controls found   | Status | Sections | Answer | Link 1 | Link 2 | …

The status is answered (a section answers a control of the row), not addressed (the row's
controls are cited nowhere) or no control number (the row is skipped). Every other cell,
sheet, style, column width and merged range of the input stays as it was; the input itself
is never written. What a row counts as its control numbers:

- numbers written with ``A.`` or ``CLD.`` (``A.9.2.3``, ``Ａ．９．２．３``, ``CLD.6.3.1``, ``A.8.13``),
  anywhere in any cell, even inside a sentence;
- bare numbers (``9.2.3``, ``8.13``, ``6.3.1``) only at the start of a cell, and only in a
  column where most (``BARE_COLUMN_SHARE``) of the cells that start with a bare number name
  a control: a checklist's own numbering (``1.1``, ``2.3``, ``5.1.1``) is not taken for
  controls, and the summary says which columns were left out;
- a number cell of Excel is read as Excel shows it (``0.00`` → ``5.10``); in the
  ``General`` format Excel has already dropped trailing zeros, so ``5.1`` that may have
  been ``5.10`` is answered as 5.1 and reported.

The added header goes into the sheet's header row: the last non-empty row above the first
row with a control number (none when that is the first row). ``.xlsx`` links are real
hyperlinks; added text is always stored as text, never as a formula. A ``.csv`` is read
as UTF-8 (with or without BOM), UTF-16 with BOM or Shift_JIS (CP932, as Japanese Excel
writes it), detected in that order, and written back in the same encoding, delimiter and
line ends, with formula protection (``escaping.csv_cell``) on every added cell.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from isocontrols.answers import data, resolver
from isocontrols.answers.words import WORDS
from isocontrols.escaping import csv_cell

BARE_COLUMN_SHARE = 0.8
"""The share of a column's bare-number cells that must name a control for its bare numbers to count."""

EXCEL_CELL_LIMIT = 32767
"""The most characters an Excel cell holds."""

SUFFIXES = (".xlsx", ".csv")

COLUMN_WIDTHS = {"found": 30, "status": 14, "sections": 32, "answer": 80, "link": 48}
"""Widths (in characters) of the added columns in ``.xlsx``."""

ENCODINGS = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp932": "Shift_JIS (CP932)"}
"""The encodings a CSV checklist may have, as the command names them."""

CP932_LOOKALIKES = str.maketrans({"•": "・", "〜": "～", "−": "－", "–": "－", "—": "―", "‖": "∥", "¢": "￠", "£": "￡", "¬": "￢"})
"""Characters Shift_JIS lacks, written as the nearest ones it has."""

MESSAGES = {
    "ja": {
        "unsupported": "{path}: 読み込めない形式です。.xlsx または .csv で保存してください（.xls・.xlsm は Excel で .xlsx として保存し直してください）。",
        "missing": "{path}: ファイルが見つかりません。",
        "unreadable_xlsx": "{path}: Excel ブック（.xlsx）として読み込めません（{error}）。パスワード付きのブックは、パスワードを外して保存し直してください。",
        "unreadable_csv": "{path}: 文字コードを判別できません。UTF-8 または Shift_JIS で保存してください。",
        "malformed_csv": "{path}: CSV として読み込めません（{error}）。",
        "no_controls": "{path}: 管理策番号が見つかりません。A.9.2.3、CLD.6.3.1、8.13 のような番号を含む列があるか確認してください。何も書き出していません。",
        "sheet_no_controls": "シート「{sheet}」: 管理策番号がないため、そのままにしました。",
        "sheet": "シート「{sheet}」: 回答あり {answered} 行、記載なし {not_addressed} 行、管理策番号なし {skipped} 行（列 {columns} に追加）",
        "no_header": "シート「{sheet}」: 1 行目から管理策番号があるため、追加した列に見出しを付けていません。",
        "column_left_out": "シート「{sheet}」: 列 {column} の番号（{example} など）は、多くが管理策番号ではないため、チェックリストの項番とみなして読み取っていません。管理策番号なら A.9.2.3 のように A. を付けてください。",
        "shortened_number": "{cell}: 数値のセル {value} は、Excel が末尾の 0 を省いた {longer} の可能性があります。{value} として回答しました。{longer} の場合は、セルを文字列にしてください。",
        "truncated": "{cell}: 回答が Excel のセルの上限（32,767 文字）を超えたため、途中までにしました。続きはリンク先をご覧ください。",
        "truncated_note": "…（Excel のセルの上限のため、ここまでとしました。続きはリンク先をご覧ください）",
        "lost_drawings": "注意: このブックの図・グラフ・画像は、書き出したコピーには含まれません（openpyxl が保持できないため）。",
        "openpyxl": "注意（openpyxl）: {warning}",
        "replaced_characters": "注意: Shift_JIS にない文字 {characters} を「?」に置き換えました。",
        "encoding": "{path}: 文字コード {encoding} として読み込みました。",
        "total": "合計: 回答あり {answered} 行、記載なし {not_addressed} 行、管理策番号なし {skipped} 行",
        "written": "書き出しました: {path}",
        "exists": "{path} はすでにあります。上書きする場合は --force を付けてください。",
        "not_a_file": "{path}: 出力先がフォルダーです。ファイル名を -o で指定してください。",
        "no_folder": "{path}: 出力先のフォルダー {folder} がありません。",
        "other_kind": "{path}: 出力は入力と同じ形式（{suffix}）にしてください。",
        "not_written": "{path}: 書き込めませんでした（{reason}）。",
        "same_file": "{path}: 出力先が入力と同じです。別の名前を -o で指定してください。",
    },
    "en": {
        "unsupported": "{path}: cannot read this kind of file; save it as .xlsx or .csv (re-save .xls and .xlsm workbooks as .xlsx in Excel).",
        "missing": "{path}: no such file.",
        "unreadable_xlsx": "{path}: cannot be read as an Excel workbook (.xlsx) ({error}); save a password-protected workbook again without its password.",
        "unreadable_csv": "{path}: unknown text encoding; save it as UTF-8 or Shift_JIS.",
        "malformed_csv": "{path}: cannot be read as CSV ({error}).",
        "no_controls": "{path}: no control numbers found; check that a column holds numbers such as A.9.2.3, CLD.6.3.1 or 8.13. Nothing was written.",
        "sheet_no_controls": "sheet '{sheet}': no control numbers; left as it is.",
        "sheet": "sheet '{sheet}': {answered} rows answered, {not_addressed} not addressed, {skipped} without a control number (added columns {columns})",
        "no_header": "sheet '{sheet}': control numbers start on the first row, so the added columns have no heading.",
        "column_left_out": "sheet '{sheet}': the numbers of column {column} (such as {example}) were taken for the checklist's own numbering, since most of them are no control number; write control numbers with A. (A.9.2.3) if they are.",
        "shortened_number": "{cell}: the number cell {value} may be {longer} with its trailing zero dropped by Excel; it was answered as {value}. If {longer} is meant, make the cell text.",
        "truncated": "{cell}: the answer was longer than an Excel cell holds (32,767 characters) and was cut; the links lead to the rest.",
        "truncated_note": "… (cut at the size limit of an Excel cell; the links lead to the rest)",
        "lost_drawings": "Note: the pictures, charts and shapes of this workbook are not in the copy (openpyxl cannot keep them).",
        "openpyxl": "Note (openpyxl): {warning}",
        "replaced_characters": "Note: characters that Shift_JIS lacks ({characters}) were written as '?'.",
        "encoding": "{path}: read as {encoding}.",
        "total": "total: {answered} rows answered, {not_addressed} not addressed, {skipped} without a control number",
        "written": "written: {path}",
        "exists": "{path} exists already; add --force to overwrite it.",
        "not_a_file": "{path}: the output is a folder; name a file with -o.",
        "no_folder": "{path}: the output's folder {folder} does not exist.",
        "other_kind": "{path}: the output must be of the checklist's kind ({suffix}).",
        "not_written": "{path}: could not be written ({reason}).",
        "same_file": "{path}: the output would overwrite the checklist; name another file with -o.",
    },
}
"""What the command tells the person running it, per language (``--lang``)."""


class ChecklistError(Exception):
    """A checklist that cannot be answered; the message says why and what to do."""


# ---------------------------------------------------------------------------------------
# What one row asks and its answer.


@dataclass(frozen=True)
class RowAnswer:
    """The added cells of one row: the controls found, the status, the sections and the answer text."""

    status: str
    ids: tuple[str, ...]
    """The canonical spelling of each item the row asks, in order."""
    found: tuple[str, ...]
    sections: tuple[data.Section, ...]
    text: str


def _candidates(text: str, known: resolver.Known) -> tuple[resolver.Asked, ...]:
    """The numbers of a cell that may be what the row asks, in order: those written with a prefix,
    and the bare ones the cell starts with (before any text)."""
    found = []
    text_seen = False
    for item in resolver.resolve(text, known):
        text_seen = text_seen or item.kind == resolver.TEXT
        if item.prefixed or (not text_seen and item.kind != resolver.TEXT):
            found.append(item)
    return tuple(found)


def answer_row(items: Sequence[resolver.Asked], document: Mapping[str, Any]) -> RowAnswer:
    """The answer to a row asking ``items`` (in the order found): its sections' text, then what is not answered."""
    unique = {item.id: item for item in reversed(items)}  # the first of each
    answers = [data.answer(unique[identifier], document) for identifier in dict.fromkeys(item.id for item in items)]
    controls = [answer for answer in answers if answer.asked.is_control]
    order = {key: index for index, key in enumerate(document["sections"])}
    sections = sorted({s.key: s for answer in controls for s in answer.sections}.values(), key=lambda s: order[s.key])
    texts = [f"{section.label}\n{section.text}".strip() for section in sections]
    texts += [f"{answer.label}: {answer.message}" if answer.title else answer.message for answer in answers if answer.message]
    status = data.ANSWERED if sections else data.NOT_ADDRESSED if controls else data.NO_CONTROL
    ids = tuple(answer.asked.id for answer in answers)
    return RowAnswer(status, ids, tuple(answer.label for answer in controls), tuple(sections), "\n\n".join(texts))


# ---------------------------------------------------------------------------------------
# A sheet: which rows ask what, where the added columns go.


@dataclass
class SheetPlan:
    """What to add to one sheet (rows and columns counted from 0)."""

    name: str
    header: int | None
    answers: dict[int, RowAnswer]
    first_column: int
    links: int
    messages: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many rows have ``status``."""
        return sum(1 for answer in self.answers.values() if answer.status == status)


def _column_name(index: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def plan_sheet(name: str, rows: Sequence[Sequence[str]], first_column: int, document: Mapping[str, Any], language: str) -> SheetPlan:
    """Find each row's control numbers and answers in a sheet given as text cells; columns go from ``first_column`` on."""
    known = data.known(document)
    cells = [[_candidates(text, known) if text else () for text in row] for row in rows]
    messages: list[str] = []
    counted = set()
    for column in range(max((len(row) for row in rows), default=0)):
        bare = [row[column][0] for row in cells if column < len(row) and row[column] and not row[column][0].prefixed]
        named = [item for item in bare if item.is_control]
        if bare and len(named) >= BARE_COLUMN_SHARE * len(bare):
            counted.add(column)
        elif named:
            example = bare[0].typed
            messages.append(MESSAGES[language]["column_left_out"].format(sheet=name, column=_column_name(column), example=example))
    asked = [[item for column, cell in enumerate(row) for item in cell if item.prefixed or column in counted] for row in cells]
    # The data start at the first row that asks anything (a clause row "A.5 …" included); the header is above.
    first = next((index for index, items in enumerate(asked) if items), len(rows))
    answers = {}
    if any(item.is_control for items in asked for item in items):
        answers = {index: answer_row(asked[index], document) for index in range(first, len(rows)) if any(rows[index])}
    above = [index for index in range(first) if any(rows[index])]
    return SheetPlan(
        name=name,
        header=above[-1] if above else None,
        answers=answers,
        first_column=first_column,
        links=max((len(answer.sections) for answer in answers.values()), default=0),
        messages=messages,
    )


def headings(plan: SheetPlan, language: str) -> list[str]:
    """The headings of the added columns."""
    words = WORDS[language]
    fixed = [words["column_found"], words["column_status"], words["column_sections"], words["column_answer"]]
    return fixed + [words["column_link_n"].format(n=n) for n in range(1, plan.links + 1)]


def added_cells(answer: RowAnswer, plan: SheetPlan, language: str) -> list[str]:
    """The added cells of a row, in the order of ``headings``."""
    words = WORDS[language]
    links = [section.url for section in answer.sections]
    fixed = ["\n".join(answer.found), words[answer.status], "\n".join(s.label for s in answer.sections), answer.text]
    return fixed + links + [""] * (plan.links - len(links))


# ---------------------------------------------------------------------------------------
# The report the command prints.


@dataclass
class Report:
    """What was done, for the summary: the sheets' plans and the notes on the way."""

    language: str
    notes: list[str] = field(default_factory=list)
    plans: list[SheetPlan] = field(default_factory=list)

    def say(self, key: str, **values: object) -> None:
        """Note one of ``MESSAGES`` in the report's language."""
        self.notes.append(MESSAGES[self.language][key].format(**values))

    def lines(self) -> list[str]:
        """The summary: notes, each sheet, the total."""
        messages = MESSAGES[self.language]
        lines = list(self.notes)
        totals = {"answered": 0, "not_addressed": 0, "skipped": 0}
        for plan in self.plans:
            lines += plan.messages
            if not plan.answers:
                lines.append(messages["sheet_no_controls"].format(sheet=plan.name))
                continue
            counts = {"answered": plan.count(data.ANSWERED), "not_addressed": plan.count(data.NOT_ADDRESSED), "skipped": plan.count(data.NO_CONTROL)}
            last = plan.first_column + 3 + plan.links
            columns = f"{_column_name(plan.first_column)}–{_column_name(last)}"
            lines.append(messages["sheet"].format(sheet=plan.name, columns=columns, **counts))
            if plan.header is None:
                lines.append(messages["no_header"].format(sheet=plan.name))
            totals = {key: totals[key] + counts[key] for key in totals}
        lines.append(messages["total"].format(**totals))
        return lines


def _require_controls(report: Report, source: Path) -> None:
    if not any(plan.answers for plan in report.plans):
        raise ChecklistError(MESSAGES[report.language]["no_controls"].format(path=source))


# ---------------------------------------------------------------------------------------
# .xlsx


def _cell_text(value: object, number_format: str) -> str:
    """A cell's value as the text it shows (numbers in their format where it fixes the decimals)."""
    if value is None or isinstance(value, (bool, datetime, date, time, timedelta)):
        return ""
    if isinstance(value, float):
        decimals = re.fullmatch(r"0\.(0+)", number_format or "")
        return f"{value:.{len(decimals.group(1))}f}" if decimals else format(value, ".15g")
    return str(value)


def _shortened(value: object, text: str, known: resolver.Known) -> str:
    """For a number cell read as ``5.1``: ``5.10`` when that is a 2022 control too, else empty."""
    if isinstance(value, float) and re.fullmatch(r"\d+\.\d", text) and f"{text}0" in known.controls_2022:
        return f"{text}0"
    return ""


def _xlsx_rows(sheet: Any) -> list[list[str]]:
    return [[_cell_text(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()]


def _has_drawings(source: Path) -> bool:
    with zipfile.ZipFile(source) as archive:
        return any(name.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for name in archive.namelist())


def _load_workbook(source: Path, data_only: bool, report: Report) -> Any:
    """The workbook: with formulas and rich text to write, or with formulas' cached results to read.

    openpyxl's warnings (a feature it drops, such as a data validation extension) go into the report.
    """
    import openpyxl  # only the checklist filler needs it

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            workbook = openpyxl.load_workbook(source, data_only=data_only, rich_text=not data_only)
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            message = MESSAGES[report.language]["unreadable_xlsx"].format(path=source, error=error.__class__.__name__)
            raise ChecklistError(message) from error
    if not data_only:
        for warning in dict.fromkeys(str(item.message) for item in caught):
            report.say("openpyxl", warning=warning)
    return workbook


def _columns_in_use(sheet: Any, rows: list[list[str]]) -> int:
    """How many columns hold a value or a merged range: the added columns go to their right."""
    used = [max((column + 1 for column, text in enumerate(row) if text), default=0) for row in rows]
    merged = [cells.max_col for cells in sheet.merged_cells.ranges]
    return max(used + merged + [0])


def _style_like(cell: Any, model: Any, wrap: bool) -> None:
    """Give an added cell the look of the row's last original cell, as text, wrapped at the top."""
    from openpyxl.styles import Alignment

    if getattr(model, "has_style", False):
        cell.font, cell.border, cell.fill = copy(model.font), copy(model.border), copy(model.fill)
    cell.number_format = "@"
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")


def _write_text(cell: Any, text: str) -> None:
    """Text into a cell, kept as text even where it starts with ``=``."""
    cell.value = text or None
    if text:
        cell.data_type = "s"


def _link(cell: Any, url: str) -> None:
    from openpyxl.styles import Font

    _write_text(cell, url)
    if url:
        cell.hyperlink = url
        font = copy(cell.font)
        cell.font = Font(name=font.name, size=font.size, bold=font.bold, color="0563C1", underline="single")


def answer_xlsx(source: Path, target: Path, document: Mapping[str, Any], language: str) -> Report:
    """Answer every sheet of a workbook into a copy at ``target``."""
    report = Report(language)
    values = _load_workbook(source, True, report)
    workbook = _load_workbook(source, False, report)
    if _has_drawings(source):
        report.say("lost_drawings")
    known = data.known(document)
    for sheet in workbook.worksheets:
        read = values[sheet.title]
        rows = _xlsx_rows(read)
        plan = plan_sheet(sheet.title, rows, _columns_in_use(sheet, rows), document, language)
        report.plans.append(plan)
        if not plan.answers:
            continue
        _note_shortened_numbers(read, rows, plan, known, report)
        names = headings(plan, language)
        for offset, width in enumerate(_widths(plan)):
            sheet.column_dimensions[_column_name(plan.first_column + offset)].width = width
        for index, answer in [(plan.header, None), *plan.answers.items()]:
            if index is None:
                continue
            model = sheet.cell(index + 1, plan.first_column) if plan.first_column else None
            cells = names if answer is None else added_cells(answer, plan, language)
            for offset, text in enumerate(cells):
                cell = sheet.cell(index + 1, plan.first_column + offset + 1)
                _style_like(cell, model, wrap=answer is not None)
                text = _fit(text, f"{sheet.title}!{cell.coordinate}", report) if offset == 3 else text
                (_link if offset >= 4 and answer is not None else _write_text)(cell, text)
    _require_controls(report, source)
    workbook.save(target)
    return report


def _widths(plan: SheetPlan) -> list[int]:
    widths = COLUMN_WIDTHS
    return [widths["found"], widths["status"], widths["sections"], widths["answer"]] + [widths["link"]] * plan.links


def _fit(text: str, where: str, report: Report) -> str:
    """An answer that fits an Excel cell, cut with a note where it is too long."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    report.say("truncated", cell=where)
    note = MESSAGES[report.language]["truncated_note"]
    return text[: EXCEL_CELL_LIMIT - len(note) - 1] + "\n" + note


def _note_shortened_numbers(sheet: Any, rows: list[list[str]], plan: SheetPlan, known: resolver.Known, report: Report) -> None:
    """Report each number cell read as a 2022 control that may have lost a trailing zero (5.1 for 5.10)."""
    for index, answer in plan.answers.items():
        for column, text in enumerate(rows[index]):
            cell = sheet.cell(index + 1, column + 1)
            longer = _shortened(cell.value, text, known) if text in answer.ids else ""
            if longer:
                report.say("shortened_number", cell=f"{plan.name}!{cell.coordinate}", value=text, longer=longer)


# ---------------------------------------------------------------------------------------
# .csv


@dataclass(frozen=True)
class CsvText:
    """A CSV checklist as text, with how it was written: encoding, delimiter, line ends."""

    rows: list[list[str]]
    encoding: str
    delimiter: str
    line_end: str


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 with BOM, UTF-16 with BOM, UTF-8, else Shift_JIS (CP932)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "cp932"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("cp932", raw, 0, len(raw), "neither UTF-8 nor Shift_JIS")


def read_csv(source: Path, language: str) -> CsvText:
    """Read a CSV checklist, detecting its encoding, delimiter (``,`` tab ``;``) and line ends."""
    messages = MESSAGES[language]
    try:
        text, encoding = decode(source.read_bytes())
    except UnicodeDecodeError as error:
        raise ChecklistError(messages["unreadable_csv"].format(path=source)) from error
    try:
        delimiter = csv.Sniffer().sniff(text[:65536], delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ChecklistError(messages["malformed_csv"].format(path=source, error=error)) from error
    return CsvText(rows, encoding, delimiter, "\r\n" if "\r\n" in text else "\n")


def _encodable(text: str, encoding: str, replaced: set[str]) -> str:
    """Text that ``encoding`` can write: for Shift_JIS, look-alikes, else ``?`` (remembered in ``replaced``)."""
    if encoding != "cp932":
        return text
    text = text.translate(CP932_LOOKALIKES)
    missing = {char for char in text if not char.encode("cp932", errors="ignore")}
    replaced |= missing
    return "".join("?" if char in missing else char for char in text)


def answer_csv(source: Path, target: Path, document: Mapping[str, Any], language: str) -> Report:
    """Answer a CSV checklist into a copy at ``target``, in the checklist's encoding."""
    report = Report(language)
    table = read_csv(source, language)
    report.say("encoding", path=source, encoding=ENCODINGS[table.encoding])
    plan = plan_sheet(source.name, table.rows, max((len(row) for row in table.rows), default=0), document, language)
    report.plans.append(plan)
    _require_controls(report, source)
    replaced: set[str] = set()
    rows = [row + [""] * (plan.first_column - len(row)) if index == plan.header or index in plan.answers else row for index, row in enumerate(table.rows)]
    if plan.header is not None:
        rows[plan.header] += headings(plan, language)
    for index, answer in plan.answers.items():
        rows[index] += added_cells(answer, plan, language)
    added = range(plan.first_column, plan.first_column + 4 + plan.links)
    rows = [[_encodable(csv_cell(cell), table.encoding, replaced) if column in added else cell for column, cell in enumerate(row)] for row in rows]
    if replaced:
        report.say("replaced_characters", characters=" ".join(sorted(replaced)))
    output = io.StringIO(newline="")
    csv.writer(output, delimiter=table.delimiter, lineterminator=table.line_end).writerows(rows)
    target.write_bytes(output.getvalue().encode(table.encoding))
    return report


# ---------------------------------------------------------------------------------------
# Either.


def default_target(source: Path) -> Path:
    """Where the answered copy goes unless named: beside the checklist, ``checklist.answered.xlsx``."""
    return source.with_name(f"{source.stem}.answered{source.suffix.lower()}")


def check_paths(source: Path, target: Path, force: bool, language: str) -> None:
    """Refuse what cannot work before any work is done: no such file, another kind of file, an output that
    is a folder, in no folder, of another kind than the input, or that exists (without ``force``)."""
    messages = MESSAGES[language]
    if source.suffix.lower() not in SUFFIXES:
        raise ChecklistError(messages["unsupported"].format(path=source))
    if not source.is_file():
        raise ChecklistError(messages["missing"].format(path=source))
    if target.resolve() == source.resolve():
        raise ChecklistError(messages["same_file"].format(path=target))
    if target.is_dir():
        raise ChecklistError(messages["not_a_file"].format(path=target))
    if not target.parent.is_dir():
        raise ChecklistError(messages["no_folder"].format(path=target, folder=target.parent))
    if target.suffix.lower() != source.suffix.lower():
        raise ChecklistError(messages["other_kind"].format(path=target, suffix=source.suffix.lower()))
    if target.exists() and not force:
        raise ChecklistError(messages["exists"].format(path=target))


def answer_file(source: Path, target: Path, document: Mapping[str, Any], language: str) -> Report:
    """Answer a ``.xlsx`` or ``.csv`` checklist into a copy at ``target`` (of the same kind)."""
    answer = answer_xlsx if source.suffix.lower() == ".xlsx" else answer_csv
    return answer(source, target, document, language)

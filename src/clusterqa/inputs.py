"""What people type and upload, made safe before it goes further: questions and file names.

Example:
    >>> clean_question("  What\\x00 is\\n the <b>total</b>? ", max_chars=2000)
    'What is the <b>total</b>?'
    >>> safe_filename("../../etc/\\u202eevil name.md")
    'evil name.md'
    >>> safe_filename("..\\\\..\\\\.hidden.md")
    'hidden.md'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

from .errors import QuestionError

MAX_NAME_CHARS = 120
UNSAFE_NAME_CHARS = re.compile(r'[<>:"/\\|?*]')


def _printable(text: str, symbols: bool = True) -> str:
    """Control characters (NUL, escapes, line breaks) become spaces; invisible format characters
    (zero-width spaces, direction overrides) and lone surrogates go; without symbols, so do pictographs
    such as emoji (a space each)."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc" or (category == "So" and not symbols):
            out.append(" ")
        elif category not in {"Cf", "Cs", "Co"}:
            out.append(ch)
    return "".join(out)


def printable_line(text: str, symbols: bool = True) -> str:
    """Text on one line, without control or invisible characters (see clean_question)."""
    return " ".join(_printable(unicodedata.normalize("NFC", text or ""), symbols).split())


def clean_question(question: str, max_chars: int) -> str:
    """The question on one line without control characters; QuestionError when empty or too long.

    A long paste is refused rather than cut: a cut question could be answered as something else.
    """
    text = printable_line(question, symbols=False)  # an emoji carries nothing to search for
    if not text:
        raise QuestionError("The question is empty. Type a question about the documents.")
    if len(text) > max_chars:
        raise QuestionError(
            f"The question is {len(text):,} characters long; the limit is {max_chars:,} "
            "(CLUSTERQA_MAX_QUESTION_CHARS). Ask about one thing at a time."
        )
    return text


def safe_filename(name: str, default: str = "upload") -> str:
    """A plain file name for storing an upload: no folders ('../', '/abs', 'C:\\\\'), no control or
    direction characters, no leading dots (hidden files are not ingested), at most MAX_NAME_CHARS."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name  # drops folders in either style
    base = unicodedata.normalize("NFC", _printable(base))
    base = UNSAFE_NAME_CHARS.sub("_", base)
    base = " ".join(base.split()).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix[:16]
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1].rstrip(" .") or default
    return f"{stem}.{suffix}" if suffix else stem

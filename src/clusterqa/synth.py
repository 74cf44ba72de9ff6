"""Synthetic corpora for `clusterqa bench`: N times the publication, as real PDFs with distinct names and
perturbed numbers, so a 100x corpus is 100 different documents of the same shape (pages, sections, fonts).

Each copy rewrites the text-showing strings of every page: the digits of each number are mapped by a
permutation of 1-9 chosen for that copy (0 stays 0, so numbers keep their length and never gain a
leading zero; the layout does not move). Running footers ('NP11 | 7'), contents-page entries
('Recommendations . . . . 22') and digits inside names ('NP11') are left alone, so pages and sections
are recovered exactly as from the original.

Example:
    >>> make_corpus([Path("corpus/np11.pdf")], Path("/tmp/bench-10x"), scale=10).pages
    230
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SHOW = re.compile(rb"\(((?:\\.|[^\\)])*)\)(\s*Tj)", re.DOTALL)  # a literal string shown by Tj
NUMBER = re.compile(rb"(?<![A-Za-z0-9])\d[\d,.]*")
KEEP = re.compile(rb"\||\. \. \. \. \d+\s*$")  # running footers and contents-page entries
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass(frozen=True)
class Corpus:
    folder: Path
    files: list[Path]
    pages: int


def make_corpus(sources: Sequence[Path], folder: Path, scale: int, *, first_copy: int = 0) -> Corpus:
    """folder/ holds `scale` copies of every source PDF: copy 0 is the original, copy n > 0 is perturbed
    and named '<stem>-copy-NNN.pdf'. first_copy=n makes copies n .. n+scale-1 (e.g. one more document
    for a corpus already made). Returns the files and their pages."""
    from pypdf import PdfReader

    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    pages = 0
    for source in sources:
        streams = [page.get_contents().get_data() for page in PdfReader(str(source)).pages]  # type: ignore[union-attr]
        pages += len(streams) * scale
        for copy in range(first_copy, first_copy + scale):
            if copy == 0:
                target = folder / source.name
                shutil.copyfile(source, target)
            else:
                target = folder / f"{source.stem}-copy-{copy:03d}.pdf"
                digits = _permutation(random.Random(f"{source.name}-{copy}"))
                _write_copy(source, target, [perturb_stream(s, digits) for s in streams])
            files.append(target)
    return Corpus(folder, files, pages)


def _permutation(rng: random.Random) -> bytes:
    """A translation table for bytes: 1-9 shuffled (never all in place), 0 and everything else kept."""
    while True:
        shuffled = list(b"123456789")
        rng.shuffle(shuffled)
        if shuffled != list(b"123456789"):
            break
    table = bytearray(range(256))
    for old, new in zip(b"123456789", shuffled):
        table[old] = new
    return bytes(table)


def perturb_stream(stream: bytes, digits: bytes) -> bytes:
    """A page's content stream with the numbers of its shown text re-digited (see the module docstring)."""

    def one(match: re.Match[bytes]) -> bytes:
        text = _unescape(match.group(1))
        if not KEEP.search(text):
            text = NUMBER.sub(lambda m: m.group(0).translate(digits), text)
        return b"(" + _escape(text) + b")" + match.group(2)

    return SHOW.sub(one, stream)


def _unescape(raw: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw):
        byte = raw[i : i + 1]
        if byte != b"\\" or i + 1 == len(raw):
            out += byte
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def _escape(text: bytes) -> bytes:
    out = bytearray()
    for byte in text:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out)


def _write_copy(source: Path, target: Path, streams: list[bytes]) -> None:
    from pypdf import PdfWriter
    from pypdf.filters import FlateDecode
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=str(source))
    for page, data in zip(writer.pages, streams):
        contents = page["/Contents"].get_object()
        if not isinstance(contents, StreamObject):  # an array of streams: not what this publication has
            raise ValueError(f"{source.name}: a page's /Contents is not a single stream")
        # ASCII85 then Flate in the original; written back as plain Flate
        contents.pop(NameObject("/DecodeParms"), None)
        contents[NameObject("/Filter")] = NameObject("/FlateDecode")
        StreamObject.set_data(contents, FlateDecode.encode(data))
    with target.open("wb") as handle:
        writer.write(handle)

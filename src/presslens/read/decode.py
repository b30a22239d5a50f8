"""Bytes → text, for files whose encoding nobody told us.

Order: a byte-order mark decides; then strict UTF-8 (almost every file today, and invalid
UTF-8 is very unlikely to be valid by accident); then the legacy 8-bit encodings our readers
actually meet. charset-normalizer alone mixes up the Russian code pages on short texts (it reads
a KOI8-R sentence as Shift-JIS, a single cp1251 word as Big5), so Cyrillic gets its own check:
decode with each Russian code page and keep the one whose letters look like Russian. Western
text (accented letters between ASCII ones) is told apart from Cyrillic by its shape, and
charset-normalizer only handles what neither check claims (Greek, CJK, ...).
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from presslens.errors import InputError

#: Bytes looked at to decide whether a file is binary: enough for any file header.
SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: File signatures, so the error can say what the file is instead of only "binary".
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub, which are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

#: Bytes of a legacy file scored to choose its code page: a few pages of text.
_SCORE_BYTES = 65536
#: Valid non-ASCII UTF-8 characters needed per broken sequence to read a file as UTF-8.
_MIN_VALID_PER_BROKEN_UTF8 = 4

_FIX = "presslens reads plain text, HTML and JSON Lines: convert it to one of those first"

#: Control characters that never occur in text (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: Share of control characters above which a sample is binary, not text with a stray byte.
_MAX_CONTROL_SHARE = 0.01

#: Russian letter frequencies in percent (ё counted apart, as most texts write е instead).
_RUSSIAN_PERCENT = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04,
}  # fmt: skip
_LOG_FREQ = {letter: math.log(pct / 100) for letter, pct in _RUSSIAN_PERCENT.items()}
#: Other Cyrillic letters (Ukrainian і, Serbian ђ, ...) and the punctuation cp1251 adds.
_LOG_OTHER_CYRILLIC = math.log(0.005)
_CYRILLIC_PUNCTUATION = frozenset("«»—–„“”…№\u00a0")
_LOG_PUNCTUATION = math.log(0.01)
#: Anything else from a high byte (box drawing, CJK, symbols): the decoding is probably wrong.
_LOG_IMPLAUSIBLE = math.log(1e-4)
#: A lowercase letter followed by a capital inside a word ("лНЯКБЮ" is "Москва" read with the
#: wrong code page): case comes out inverted when cp1251 and KOI8-R are swapped.
_LOG_CASE_FLIP = math.log(0.02)
#: Mean log-likelihood per non-ASCII character below which a text is not Cyrillic at all.
#: Russian averages about -3.0 (the letters' entropy); random Cyrillic letters about -3.5.
_MIN_CYRILLIC_MEAN = -4.0
_CYRILLIC_CODECS = ("windows-1251", "koi8-r", "cp866")

#: Western code pages, preferred in this order when they read a text equally well.
_WESTERN_CODECS = ("windows-1252", "windows-1250", "iso-8859-2")
#: Runs of high bytes are words of a non-Latin script; Western accents come one at a time.
_RUN = re.compile(rb"[\x80-\xff]{2,}")
_HIGH = re.compile(rb"[\x80-\xff]")
_NON_ASCII_BYTES = bytes(range(128, 256))


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding used (a Python codec name) and what was lost."""

    text: str
    encoding: str
    replaced: int = 0
    declared: bool = False

    @property
    def warning(self) -> str | None:
        """What an article read from these bytes should tell its reader, if anything.

        Anything but clean UTF-8 or a declared charset was a guess, so the reader can check it.
        """
        if self.replaced:
            return f"{self.replaced} invalid UTF-8 byte sequence(s) replaced with \ufffd"
        if self.declared or self.encoding.startswith("utf"):
            return None
        return f"decoded as {self.encoding}"


def decode_bytes(data: bytes, *, name: str = "the input") -> Decoded:
    """Decode file contents, detecting the encoding; ``name`` is used in error messages.

    Raises :class:`InputError` for binary data (a PDF, an image, an archive...).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding, name)
            check_text_sample(text[:SNIFF_BYTES], name=name)
            return Decoded(text, encoding)
    check_binary(data[:SNIFF_BYTES], name=name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(data) or _decode_legacy(data, name)


def check_binary(head: bytes, *, name: str) -> None:
    """Raise :class:`InputError` when the first bytes of a file are not text."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise InputError(f"{name} looks like a binary file ({kind}), not text; {_FIX}")
    check_text_sample(head.decode("latin-1"), name=name)


def check_text_sample(sample: str, *, name: str) -> None:
    """Raise :class:`InputError` when a sample has NUL bytes or many control characters."""
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{name} looks like a binary file, not text; {_FIX}")


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(byte {exc.start}); re-save it as UTF-8"
        ) from None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes (a download cut mid-character, one pasted legacy byte).

    Reading it as a legacy code page would garble every good non-ASCII character to fix a few
    bad ones. Legacy text almost never forms valid multi-byte UTF-8 by chance, so many valid
    sequences per broken one means UTF-8. A sample decides first, to spare legacy files a
    full (slow, error-ridden) UTF-8 pass.
    """
    sample = data[:_SCORE_BYTES].rstrip(_NON_ASCII_BYTES)  # not cut inside a character
    if not _reads_as_utf8(sample.decode("utf-8", errors="replace")):
        return None
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", replaced=text.count("\ufffd")) if _reads_as_utf8(text) else None


def _reads_as_utf8(text: str) -> bool:
    broken = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return valid >= _MIN_VALID_PER_BROKEN_UTF8 * broken


def _decode_legacy(data: bytes, name: str) -> Decoded:
    """Decode bytes that are not UTF-8, choosing the code page by how a sample of it reads.

    All candidates are 8-bit, so a sample cut anywhere decodes as the whole would; scoring only
    the sample keeps a 20 MB file as fast as a tweet. The sample starts at the first non-ASCII
    byte, as a long ASCII preamble says nothing about the code page.
    """
    first = _HIGH.search(data)
    start = first.start() if first else 0
    sample = data[start : start + _SCORE_BYTES]
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(run) for run in _RUN.findall(sample))
    if in_runs <= high / 2:
        encoding = _best_western(sample)
    else:
        encoding = _best_cyrillic(sample) or _charset_normalizer(data, name)
    return Decoded(data.decode(encoding, errors="replace"), encoding)


def _best_cyrillic(sample: bytes) -> str | None:
    """The Russian code page under which the text reads most like Russian, if any does."""
    scores = {
        encoding: _mean_cyrillic_log_likelihood(sample.decode(encoding, errors="replace"))
        for encoding in _CYRILLIC_CODECS
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= _MIN_CYRILLIC_MEAN else None


def _mean_cyrillic_log_likelihood(text: str) -> float:
    """Mean log-likelihood of the non-ASCII characters under Russian letter frequencies.

    Case is ignored for the frequencies (all-caps headlines exist) but a capital straight after
    a lowercase letter is penalised, which is what swapping cp1251 and KOI8-R produces.
    """
    total, count = 0.0, 0
    previous = " "
    for char in text:
        if char.isascii():
            previous = char
            continue
        count += 1
        lower = char.lower()
        if lower in _LOG_FREQ:
            total += _LOG_FREQ[lower]
        elif char.isalpha() and "\u0400" <= char <= "\u04ff":
            total += _LOG_OTHER_CYRILLIC
        elif char in _CYRILLIC_PUNCTUATION:
            total += _LOG_PUNCTUATION
        else:
            total += _LOG_IMPLAUSIBLE
        if char.isupper() and previous.islower():
            total += _LOG_CASE_FLIP
        previous = char
    return total / max(count, 1)


def _best_western(sample: bytes) -> str:
    """The Western code page whose accented letters sit inside words, not symbols like "³".

    Latin-1 files are read as windows-1252, its superset (as browsers do); Polish files in
    windows-1250 or ISO-8859-2 give ł, ą, ż where windows-1252 would give ³, ¹, ¿.
    """
    return max(
        _WESTERN_CODECS,
        key=lambda encoding: _western_plausibility(sample.decode(encoding, errors="replace")),
    )


def _western_plausibility(text: str) -> int:
    """Accented letters in words, minus symbols wedged between letters and control characters."""
    score = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        before = text[index - 1].isalpha() if index else False
        after = text[index + 1].isalpha() if index + 1 < len(text) else False
        if char.isalpha():
            score += before or after
        elif not char.isprintable() or char == "\ufffd" or (before and after):
            score -= 1
    return score


def _charset_normalizer(data: bytes, name: str) -> str:
    """Last resort for scripts the checks above do not cover (Greek, Arabic, CJK, ...)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"cannot tell which text encoding {name} uses; re-save it as UTF-8")
    return str(best.encoding)

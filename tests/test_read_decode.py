"""Bytes → text: BOMs, UTF-8, Russian code pages (short and long), Western code pages, binary."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from presslens.errors import InputError
from presslens.read import decode_bytes

RU_SHORT = "Вчера в Москве прошёл митинг."
RU_TWO = "Министр заявил, что цены на хлеб вырастут. Эксперты с ним не согласны."
RU_CAPS = "СРОЧНО: ПОЖАР В ЦЕНТРЕ ГОРОДА"
RU_LONG = (
    "Пожар на складе\n\n"
    "Вечером во вторник на окраине Твери загорелся склад строительных материалов. "
    "По словам очевидцев, огонь быстро перекинулся на соседний ангар.\n"
    "Пожарные боролись с огнём почти шесть часов, пострадавших нет.\n"
    "Владелец склада заявил, что подозревает поджог, и обратился в полицию. "
    "Жители соседних домов жалуются на едкий дым и требуют проверки.\n"
)
RU_MIXED = "The ministry said «Мы не будем это комментировать» on Monday, according to the agency."
UK = "Київ заявив, що переговори тривають. Міністр відмовився від коментарів."
FR = "L'été à Paris : le ministre a annoncé une réforme très contestée."
DE = "Die Bürger müssen für die Straßen zahlen, sagte der Bürgermeister."
PL = "Rząd ogłosił, że płace wzrosną. Żołnierze wrócili do koszar."


@pytest.mark.parametrize("text", [RU_SHORT, RU_TWO, RU_CAPS, RU_LONG, "Москва", "цены выросли"])
@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r", "cp866"])
def test_russian_code_pages_are_read_correctly(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.warning == f"decoded as {encoding}"


@pytest.mark.parametrize("text", [RU_MIXED, UK])
def test_windows_1251_with_latin_words_or_ukrainian_letters(text: str) -> None:
    assert decode_bytes(text.encode("windows-1251")).text == text


@pytest.mark.parametrize("text", [FR, DE, "café", "Müller"])
@pytest.mark.parametrize("encoding", ["latin-1", "windows-1252"])
def test_western_text_in_latin_1_or_windows_1252(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == "windows-1252"


def test_windows_1252_typographic_quotes_and_dashes() -> None:
    text = "“We will not resign” – the mayor said… on Tuesday."
    assert decode_bytes(text.encode("windows-1252")).text == text


@pytest.mark.parametrize("encoding", ["windows-1250", "iso-8859-2"])
def test_polish_central_european_code_pages(encoding: str) -> None:
    decoded = decode_bytes(PL.encode(encoding))
    assert decoded.text == PL
    assert decoded.encoding == encoding


def test_code_page_is_found_after_a_long_ascii_preamble() -> None:
    text = "Copyright notice, in English only. " * 3000 + RU_TWO
    assert decode_bytes(text.encode("koi8-r")).text == text


def test_utf8_is_read_without_a_warning() -> None:
    decoded = decode_bytes(RU_LONG.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warning) == (RU_LONG, "utf-8", None)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, encoding: str) -> None:
    decoded = decode_bytes(bom + RU_TWO.encode(encoding))
    assert decoded.text == RU_TWO
    assert decoded.warning is None


def test_utf8_with_one_broken_byte_keeps_the_rest() -> None:
    data = (RU_LONG * 3).encode("utf-8") + b"\xd0"  # cut in the middle of a character
    decoded = decode_bytes(data)
    assert decoded.text == RU_LONG * 3 + "\ufffd"
    assert decoded.warning is not None and "replaced" in decoded.warning


def test_mostly_english_utf8_cut_inside_a_quote_mark_stays_utf8() -> None:
    text = "He said “no” — twice, and ‘maybe’ once. " * 2
    decoded = decode_bytes((text + "”").encode()[:-1])
    assert decoded.text == text + "\ufffd"
    assert decoded.encoding == "utf-8"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Some text.")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (_zip_bytes(), "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"plain start then a NUL\x00 and more", None),
        (bytes(range(1, 32)) * 20, None),
    ],
)
def test_binary_data_is_refused(data: bytes, kind: str | None) -> None:
    with pytest.raises(InputError, match="looks like a binary file") as caught:
        decode_bytes(data, name="photo.txt")
    assert "photo.txt" in str(caught.value)
    if kind:
        assert kind in str(caught.value)


def test_a_stray_control_character_in_long_text_is_fine() -> None:
    text = "A long report. " * 10 + "A stray bell\x07 character." + " More report." * 10
    assert decode_bytes(text.encode()).text == text

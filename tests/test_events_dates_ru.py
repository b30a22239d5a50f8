"""Russian date finding, and absolute dates in French, German, Italian and Polish."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.events.dates import find_dates
from presslens.events.model import DateRange

#: A Thursday.
PUBLISHED = dt.date(2025, 7, 10)


def only(text: str, language: str = "ru", published: dt.date | None = PUBLISHED) -> DateRange:
    """The one date found in ``text``; fails when there is not exactly one."""
    found = find_dates(text, published, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "start", "end", "granularity"),
    [
        ("Взрыв произошёл 22 февраля 2022 года у здания суда.", "2022-02-22", "2022-02-22", "day"),
        ("Акция прошла 22-го февраля 2022 г. в центре.", "2022-02-22", "2022-02-22", "day"),
        ("Приказ подписан 22.02.2022 губернатором.", "2022-02-22", "2022-02-22", "day"),
        ("Цены выросли в феврале 2022 года.", "2022-02-01", "2022-02-28", "month"),
        ("Февраль 2022 года стал самым холодным.", "2022-02-01", "2022-02-28", "month"),
        ("Завод открылся в 2019 году.", "2019-01-01", "2019-12-31", "year"),
        ("Закон приняли в 1990-х.", "1990-01-01", "1999-12-31", "decade"),
        ("Так было в 90-е годы.", "1990-01-01", "1999-12-31", "decade"),
        ("Город основан в XX веке.", "1900-01-01", "1999-12-31", "century"),
        ("Рост замедлился в начале 2023 года.", "2023-01-01", "2023-04-30", "month"),
        ("Выручка упала в третьем квартале 2023 года.", "2023-07-01", "2023-09-30", "month"),
        ("Паводок случился летом 2022 года.", "2022-06-01", "2022-08-31", "season"),
    ],
)
def test_absolute_dates(sentence: str, start: str, end: str, granularity: str) -> None:
    found = only(sentence)
    assert (found.start, found.end, found.granularity) == (start, end, granularity)


@pytest.mark.parametrize(
    ("sentence", "start", "end", "granularity"),
    [
        ("Вчера в городе задержали двоих.", "2025-07-09", "2025-07-09", "day"),
        ("Об этом полиция сообщила в понедельник.", "2025-07-07", "2025-07-07", "day"),
        ("Во вторник прошли обыски.", "2025-07-08", "2025-07-08", "day"),
        ("Суд состоялся в прошлую пятницу.", "2025-07-04", "2025-07-04", "day"),
        ("Войска ушли на прошлой неделе.", "2025-06-30", "2025-07-06", "day"),
        ("Инфляция выросла в прошлом месяце.", "2025-06-01", "2025-06-30", "month"),
        ("Завод закрыли в прошлом году.", "2024-01-01", "2024-12-31", "year"),
        ("Выборы пройдут в следующем году.", "2026-01-01", "2026-12-31", "year"),
        ("Клиника открылась 24 года назад.", "2001-01-01", "2001-12-31", "year"),
        ("Мост рухнул два года назад.", "2023-01-01", "2023-12-31", "year"),
        ("Школу построили двадцать четыре года назад.", "2001-01-01", "2001-12-31", "year"),
        ("Похожий теракт был год назад.", "2024-01-01", "2024-12-31", "year"),
        ("Столкновения начались в конце прошлого года.", "2024-09-01", "2024-12-31", "month"),
        ("Переговоры шли в начале прошлого года.", "2024-01-01", "2024-04-30", "month"),
        ("Наводнение было прошлым летом.", "2024-06-01", "2024-08-31", "season"),
        ("Весной прошлого года начались протесты.", "2024-03-01", "2024-05-31", "season"),
        ("Кампания началась в марте.", "2025-03-01", "2025-03-31", "month"),
        ("Задержания были в ноябре.", "2024-11-01", "2024-11-30", "month"),
        ("Арест произошёл в декабре прошлого года.", "2024-12-01", "2024-12-31", "month"),
        ("Пожар начался 7 июля.", "2025-07-07", "2025-07-07", "day"),
    ],
)
def test_relative_dates(sentence: str, start: str, end: str, granularity: str) -> None:
    found = only(sentence)
    assert (found.start, found.end, found.granularity) == (start, end, granularity)


@pytest.mark.parametrize(
    ("phrase", "month"),
    [
        ("22 февраля 2022 года", "2022-02"),
        ("в феврале 2022 года", "2022-02"),
        ("февраль 2022 года", "2022-02"),
        ("в начале февраля 2022 года", "2022-02"),
    ],
)
def test_month_inflections(phrase: str, month: str) -> None:
    assert only(phrase).start.startswith(month)


def test_future_tense_looks_ahead() -> None:
    assert only("Встреча состоится в понедельник.").start == "2025-07-14"


def test_preposition_is_not_part_of_the_span() -> None:
    text = "Полиция сообщила об этом в понедельник."
    found = only(text)
    assert found.text == "понедельник"
    assert found.span is not None and text[found.span.start : found.span.end] == "понедельник"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    text = "Вчера суд напомнил о событиях 22 февраля 2022 года и прошлого лета."
    found = find_dates(text, None, "ru")
    assert [(d.start, d.text) for d in found] == [("2022-02-22", "22 февраля 2022 года")]


def test_name_marta_is_not_march() -> None:
    assert find_dates("Марта Иванова вернулась домой.", PUBLISHED, "ru") == []


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("Le sommet s'est tenu le 22 février 2022 à Paris.", "fr", "2022-02-22", "2022-02-22"),
        ("Die Wahl fand am 22. Februar 2022 statt.", "de", "2022-02-22", "2022-02-22"),
        ("Il vertice si è svolto il 22 febbraio 2022.", "it", "2022-02-22", "2022-02-22"),
        ("Szczyt odbył się 22 lutego 2022 r.", "pl", "2022-02-22", "2022-02-22"),
        ("Protesty trwały w lutym 2022.", "pl", "2022-02-01", "2022-02-28"),
        ("Les prix ont augmenté en mars 2021.", "fr", "2021-03-01", "2021-03-31"),
        ("Die Preise stiegen im März 2021.", "de", "2021-03-01", "2021-03-31"),
    ],
)
def test_other_languages_absolute_dates(text: str, language: str, start: str, end: str) -> None:
    found = only(text, language)
    assert (found.start, found.end) == (start, end)


def test_unknown_language_gets_numeric_dates() -> None:
    found = only("Paikka avattiin 2019-05-03.", "fi")
    assert (found.start, found.granularity) == ("2019-05-03", "day")


def test_page_stamp_is_not_a_date_of_an_event() -> None:
    text = "Опубликовано: 10 июля 2025 года, 10:15\n\nВзрыв произошёл в понедельник."
    found = only(text)
    assert (found.text, found.start) == ("понедельник", "2025-07-07")

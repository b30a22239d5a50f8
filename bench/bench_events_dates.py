"""Speed of date finding (presslens.events.dates) on made-up English and Russian articles.

The events step may add at most half of the ~60 ms an article's analysis takes, and date
finding is one part of it, so it should stay at a few milliseconds per article.

    .venv/bin/python bench/bench_events_dates.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from presslens.events.dates import find_dates

PUBLISHED = dt.date(2025, 7, 10)

EN_PARAGRAPH = (
    "Police said on Tuesday that three people were killed and 12 injured when a car bomb "
    "exploded outside a market in the capital late last year, the third such attack since "
    "2019. The ministry, which has spent $4.5 million on security since the 1990s, said 240 "
    "officers were deployed and that 1,200 residents had been evacuated by 10:30 a.m. "
    "A spokesman for the regional government, speaking to reporters at a news conference, "
    "said the investigation would take at least two months and that officials expected to "
    "publish a report in September. Opposition leaders accused the authorities of ignoring "
    "warnings issued by local councils, charities and human rights groups, and of failing to "
    "protect people who had complained about threats for many years before the attack. "
)
RU_PARAGRAPH = (
    "Во вторник полиция сообщила, что в результате взрыва у рынка в столице погибли три "
    "человека и 12 получили ранения. Это уже третье подобное нападение с 2019 года. "
    "Министерство, потратившее на безопасность 4,5 млн рублей, заявило, что к 10:30 на место "
    "прибыли 240 сотрудников, а 1200 жителей были эвакуированы. Представитель региональных "
    "властей на пресс-конференции сказал журналистам, что расследование займёт не менее двух "
    "месяцев, а доклад планируется опубликовать в сентябре. Лидеры оппозиции обвинили власти "
    "в том, что те проигнорировали предупреждения местных советов, благотворительных "
    "организаций и правозащитников. Аналогичный теракт произошёл 24 года назад. "
)


def _article(paragraph: str, target_chars: int = 4000) -> str:
    """A ~4,000-character article made of the paragraph repeated."""
    return "\n\n".join([paragraph] * max(1, target_chars // len(paragraph)))


def _time(text: str, language: str, repeat: int) -> float:
    """Milliseconds per call of find_dates on ``text``."""
    find_dates(text, PUBLISHED, language)
    start = time.perf_counter()
    for _ in range(repeat):
        find_dates(text, PUBLISHED, language)
    return (time.perf_counter() - start) * 1000 / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    for language, paragraph in (("en", EN_PARAGRAPH), ("ru", RU_PARAGRAPH)):
        text = _article(paragraph)
        ms = _time(text, language, args.repeat)
        found = len(find_dates(text, PUBLISHED, language))
        print(f"{language}: {len(text)} chars, {found} dates, {ms:.2f} ms/article")


if __name__ == "__main__":
    main()

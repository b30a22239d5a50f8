"""Load time, memory and speed of place finding (presslens.events.places), and GVA accuracy.

The CLI must start in under 3 s, so the gazetteer must load in a fraction of that; place finding
runs on every article, so it should cost a few milliseconds each.

    .venv/bin/python bench/bench_places.py [--repeat 50] [--gva ../shared/data/gva-incidents]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

EN_ARTICLE = (
    "NORFOLK, Va. — Two men were shot Tuesday night in Norfolk, police said, a week after a "
    "similar shooting in Portsmouth. Officer Tyler Jackson said the victims were taken to a "
    "hospital on Washington Street. The suspect, a Chesapeake man, fled toward Virginia Beach.\n\n"
    "Officials in Richmond and Washington, D.C., called for calm. Relatives flew in from "
    "Springfield, Illinois, and from Paris, where the older victim had studied. "
) * 3
RU_ARTICLE = (
    "В Харькове и Харьковской области ночью звучали сирены, сообщили власти. По данным "
    "Минобороны России, удары были нанесены по Днепру и Запорожью. Мэр Москвы Сергей Собянин "
    "заявил, что в Подмосковье усилены меры безопасности. Делегация Азербайджана прибыла в "
    "Нижний Новгород, а переговоры в Соединённых Штатах отложены. "
) * 3

_LOAD_PROBE = """
import json, resource, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
t0 = time.perf_counter(); r0 = rss()
import presslens.events.gazetteer as g
t1 = time.perf_counter(); r1 = rss()
g.load_gazetteer()
t2 = time.perf_counter(); r2 = rss()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "rss_before_mb": r0,
                  "rss_after_import_mb": r1, "rss_after_load_mb": r2}))
"""


def load_cost() -> dict[str, float]:
    """Import and first load in a fresh interpreter (what a CLI start pays)."""
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def speed(text: str, language: str, repeat: int) -> float:
    """Milliseconds per article for finding and resolving every place mention."""
    from presslens.document import Article
    from presslens.events import places

    article = Article(text=text, language=language)
    start = time.perf_counter()
    for _ in range(repeat):
        places._article_mentions.cache_clear()  # measure a cold article each time
        mentions = places.find_place_mentions(text, language=language)
        places.resolve_places(article, mentions)
    return (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--gva", type=Path, help="gva-incidents folder: also report accuracy")
    parser.add_argument("--split", default="validation", choices=("train", "validation"))
    args = parser.parse_args()
    for name, value in load_cost().items():
        print(f"{name:>22}: {value:.3f}")
    for label, text, language in (("en", EN_ARTICLE, "en"), ("ru", RU_ARTICLE, "ru")):
        ms = speed(text, language, args.repeat)
        print(f"{label + ' ms/article':>22}: {ms:.2f} ({len(text)} chars)")
    if args.gva:
        from presslens.events.places_eval import gva_place_accuracy

        start = time.perf_counter()
        result = gva_place_accuracy(args.gva, args.split)
        result["seconds"] = round(time.perf_counter() - start, 1)
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

"""Speed of ``presslens analyze``: start-up, articles per second, peak memory.

Runs the whole pipeline (read → segment → persuasion → events) over the unlabelled SemEval-2023
Task 3 test articles (all nine languages), the way the CLI does, in a fresh process so that
start-up and peak memory are those a user sees.

    .venv/bin/python bench/bench_analyze.py [--data ../shared/data/semeval2023-task3/data]
        [--limit N] [--no-events]

Prints one JSON object: startup_s (imports, model loads, a first tiny article), articles,
paragraphs, seconds, cpu_s (CPU seconds of all threads meanwhile: steadier than the wall
clock on a shared machine, and cpu_s / seconds is how many cores the run got on average),
articles_per_s, paragraphs_per_s, peak_rss_mb.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/semeval2023-task3/data"))
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles")
    parser.add_argument("--no-events", action="store_true")
    args = parser.parse_args()

    paths = sorted(args.data.glob("*/test-articles-subtask-3/article*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    started = time.perf_counter()
    from presslens.pipeline import DEFAULT_COMPONENTS, load_pipeline
    from presslens.read import iter_inputs
    from presslens.serialize import article_to_dict

    components = tuple(c for c in DEFAULT_COMPONENTS if not (args.no_events and c == "events"))
    pipeline = load_pipeline(components)
    from presslens.read import article_from_text

    pipeline([article_from_text("Start-up.\n\nOne short paragraph, analysed in full.")])
    startup = time.perf_counter() - started  # until a first article is analysed

    began, cpu_began = time.perf_counter(), time.process_time()
    articles = paragraphs = 0
    for article in pipeline.pipe(
        (a for a in iter_inputs([str(p) for p in paths]) if not isinstance(a, Exception)),
        batch_size=16,
    ):
        json.dumps(article_to_dict(article))
        articles += 1
        paragraphs += len(article.paragraphs)
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    print(
        json.dumps(
            {
                "startup_s": round(startup, 2),
                "articles": articles,
                "paragraphs": paragraphs,
                "seconds": round(seconds, 2),
                "cpu_s": round(cpu, 2),
                "articles_per_s": round(articles / seconds, 2),
                "paragraphs_per_s": round(paragraphs / seconds, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "events": not args.no_events,
            }
        )
    )


if __name__ == "__main__":
    main()

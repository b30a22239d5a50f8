"""Fixtures for the browser tests: a made-up collection, a live server, headless Chromium.

Everything is local: Debian's /usr/bin/chromium and /usr/bin/chromedriver driven by Selenium
(scripts/install-browser.sh installs them); nothing is downloaded. The tests skip, with the
reason, when either is missing. Screenshots go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presslens.document import Article, Span
from presslens.ingest import ingest_articles
from presslens.ingest.fake import keyword_analyzer, made_up_articles
from presslens.store import Store
from presslens.web import create_app
from presslens.web.server import bind

CHROMIUM = Path(os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("PRESSLENS_CHROMEDRIVER", "/usr/bin/chromedriver"))
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1366,900",
)
#: Markup that would run if any page put article data into HTML; every test checks it did not.
HOSTILE_TITLE = "<script>window.__pwned=1</script>Shocking <b>bold</b> claim"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "A drone attack hit Lyon; three civilians were killed, officials said. "
    '<img src=x onerror="window.__pwned=2"> The outrageous <a href="javascript:window.__pwned=3">'
    "link</a> stays text.\n"
    "Critics called it a threat to our nation."
)


#: How many outlets' copies of one wire story the collection holds: more than the incidents
#: page lists before its "show more" button.
COPIES = 7


def syndicated_copies() -> list[Article]:
    """One wire story as several outlets ran it: one incident with COPIES sources."""
    text = (
        "Strike on Bristol depot\n\n"
        "A drone attack hit a fuel depot in Bristol overnight; four people were killed, "
        "the fire service said. Residents described a shocking blast."
    )
    outlets = ("Daily Example", "Evening Mock", "The Sample Post", "Morning Placeholder")
    return [
        Article(
            text=f"{text}\nCopy {i} for {outlets[i % len(outlets)]}.",
            title="Strike on Bristol depot",
            title_span=Span(0, 23),
            id=f"depot-{i}",
            url=f"https://example.org/depot/{i}",
            outlet=outlets[i % len(outlets)],
            published=dt.date(2025, 3, 20),
            language_hint="en",
        )
        for i in range(COPIES)
    ]


def hostile_article() -> Article:
    title = HOSTILE_TITLE
    return Article(
        text=HOSTILE_TEXT,
        title=title,
        title_span=Span(0, len(title)),
        source="hostile",
        id="hostile",
        url="javascript:window.__pwned=4",
        outlet='<img src=x onerror="window.__pwned=5">Evil Outlet',
        published=dt.date(2025, 2, 3),
        language_hint="en",
    )


@pytest.fixture(scope="session")
def chromium() -> tuple[Path, Path]:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(
            f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}); "
            "run scripts/install-browser.sh"
        )
    pytest.importorskip("selenium", reason="selenium not installed; run scripts/install-browser.sh")
    return CHROMIUM, CHROMEDRIVER


@pytest.fixture(scope="session")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 made-up articles from four outlets, wire copies of one story, a hostile article."""
    path = tmp_path_factory.mktemp("browser") / "collection.db"
    with Store(path) as store:
        articles = [*made_up_articles(120, seed=7), *syndicated_copies(), hostile_article()]
        ingest_articles(articles, store, analyze_batch=keyword_analyzer)
    return path


@pytest.fixture(scope="session")
def server(collection: Path) -> Iterator[str]:
    """The app on a free loopback port, in a thread; yields its base URL."""
    store = Store(collection)
    httpd = bind(create_app(store, analyze_batch=keyword_analyzer), "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
    store.close()


@pytest.fixture(scope="session")
def browser(chromium: tuple[Path, Path]) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach out
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium[0])
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(chromium[1])))
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshot() -> Any:
    """``screenshot(driver, name)``: the whole page as tests/screenshots/NAME.png."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)

    def take(driver: Any, name: str) -> Path:
        driver.execute_script("window.scrollTo(0, 0)")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1366, min(max(900, int(height) + 120), 4000))
        path = SCREENSHOTS / f"{name}.png"
        driver.save_screenshot(str(path))
        driver.set_window_size(1366, 900)
        return path

    return take

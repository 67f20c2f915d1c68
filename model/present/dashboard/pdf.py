"""Printing HTML to PDF (A4) and taking screenshots with headless Chromium.

Chromium's own print-to-PDF lays the brief out exactly as a browser prints it, with the
same fonts and page breaks as the HTML; Playwright's Python package drives it. The
browser is the system's Chromium (Debian's ``chromium``) when there is one, else a
Chromium that Playwright installed itself (``python -m playwright install chromium``).
When neither is there, :class:`NoBrowser` says so in one line and how to get one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

HOW_TO = ("install Chromium (Debian/Ubuntu: apt-get install chromium; or: "
          "python -m playwright install chromium) and run the report command again")
# A4 with margins that match the brief's layout
PAGE = {"format": "A4", "print_background": True,
        "margin": {"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"}}
# the PDF carries this comment after its end so that a later run knows it wrote the file
PDF_MARK = b"%socialstaff-sim brief\n"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class NoBrowser(Exception):
    """No Chromium (or no Playwright) to print with; the message says why."""


def chromium_path() -> str | None:
    """The system's Chromium, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def browser() -> Iterator:
    """A headless Chromium (a Playwright ``Browser``); :class:`NoBrowser` without one,
    or when the browser fails while printing."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise NoBrowser("the Python package playwright is not installed "
                        "(pip install playwright)") from None
    path = chromium_path()
    try:
        with sync_playwright() as p:
            try:
                b = p.chromium.launch(executable_path=path, headless=True, args=ARGS)
            except Error as exc:
                raise NoBrowser(f"no Chromium could be started ({_first_line(exc)})") from None
            try:
                yield b
            finally:
                b.close()
    except (Error, OSError) as exc:
        raise NoBrowser(f"Chromium failed ({_first_line(exc)})") from None


def html_to_pdf(b, html_text: str) -> bytes:
    """An A4 PDF of a self-contained HTML page (no JavaScript needed), with the mark."""
    page = b.new_page()
    try:
        page.set_content(html_text, wait_until="load")
        page.emulate_media(media="print")
        data = page.pdf(**PAGE)
    finally:
        page.close()
    return data + b"\n" + PDF_MARK


"""Refresh docs/img/app.png: start the what-if app, open it in headless Chromium
(Debian's /usr/bin/chromium through Playwright), wait for the refined answer and take a
screenshot.

    python docs/img/app_screenshot.py [--port 8071]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait_for(url: str, seconds: float = 180) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the app did not answer at {url}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8071)
    ap.add_argument("--out", default=str(ROOT / "docs" / "img" / "app.png"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    url = f"http://127.0.0.1:{args.port}/"
    proc = subprocess.Popen([sys.executable, str(ROOT / "simulate.py"), "app", "--port",
                             str(args.port), "--options-dir", "/tmp/app_screenshot_options"],
                            cwd=ROOT)
    try:
        wait_for(url)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                  args=["--no-sandbox", "--disable-gpu"])
            page = b.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(url)
            page.wait_for_selector("#status-text[data-state='done']", timeout=300_000)
            page.wait_for_timeout(800)
            page.screenshot(path=args.out)
            b.close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

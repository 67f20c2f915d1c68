"""Pictures for the documentation: the dashboard and page one of the committee brief.

    python docs/img/screenshots.py [--out docs/img] [--lang sv|en]

Runs a small comparison (the base and a few options, a handful of replications: a
picture of the layout, not a result to quote), writes its dashboard and brief, and
saves ``dashboard.png`` (the top of the page as a browser shows it) and
``brief_page1.png`` (page one of the brief's PDF) into the output folder. Needs
Chromium (as the PDF does) and the ``docs`` extra (``pip install -e '.[docs]'``:
pypdfium2 draws the PDF's page, which headless Chromium cannot show).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = ["salary_ladder_umea", "admin_support", "smaller_groups", "no_consultants",
           "six_plus_two"]
RUN = ["--years", "3", "--warmup-years", "1", "--replications", "6", "--quiet"]
VIEWPORT = {"width": 1280, "height": 1000}
PAGE_WIDTH_PX = 1100


def dashboard_png(b, page_path: Path, png: Path, lang: str) -> None:
    page = b.new_page(viewport=VIEWPORT)
    try:
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        if lang == "en" and page.query_selector("#btn-en"):
            page.click("#btn-en")
            page.wait_for_function("document.documentElement.lang === 'en'")
        page.wait_for_timeout(500)
        page.screenshot(path=str(png))
    finally:
        page.close()


def pdf_page_png(pdf_path: Path, png: Path, page_number: int = 1) -> None:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        page = doc[page_number - 1]
        page.render(scale=PAGE_WIDTH_PX / page.get_width()).to_pil().save(str(png))
    finally:
        doc.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python docs/img/screenshots.py",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"), help="folder for the PNGs")
    ap.add_argument("--lang", choices=["sv", "en"], default="sv")
    args = ap.parse_args(argv)
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        print("error: the docs extra is missing: pip install -e '.[docs]'", file=sys.stderr)
        return 2
    import simulate
    from model.present.dashboard import pdf

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        res = Path(tmp) / "res"
        files = [str(ROOT / "scenarios" / f"{n}.yaml") for n in ["baseline", *OPTIONS]]
        code = simulate.main(["compare", *files, "--out", str(res), *RUN, "--dashboard",
                              "--brief"])
        if code != 0:
            return code
        brief = res / f"brief_{args.lang}.pdf"
        if not brief.exists():
            print(f"error: no PDF was written; {pdf.HOW_TO}", file=sys.stderr)
            return 2
        try:
            with pdf.browser() as b:
                dashboard_png(b, res / "dashboard.html", out / "dashboard.png", args.lang)
        except pdf.NoBrowser as exc:
            print(f"error: {exc}; {pdf.HOW_TO}", file=sys.stderr)
            return 2
        pdf_page_png(brief, out / "brief_page1.png")
    print(f"Written: {out / 'dashboard.png'}, {out / 'brief_page1.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build and serve the what-if app (Plotly Dash on Flask), offline and local.

Dash serves its own scripts and styles (``serve_locally``); the page asks nothing of
any other host. The server binds to 127.0.0.1 unless told otherwise and answers only
requests addressed to itself (``model.present.app.guard``). The worker
processes start before the server's threads and are stopped when it stops, however it
stops (Ctrl-C, SIGTERM, an error).
"""

from __future__ import annotations

import logging
import secrets
import socket
from pathlib import Path

from dash import Dash

from ...errors import UserError
from .. import texts
from .callbacks import register, register_brief
from .guard import protect
from .layout import CSS, page
from .state import NO_MEASURE, AppState

INDEX = """<!DOCTYPE html>
<html lang="sv"><head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}
<style>""" + CSS + """</style></head>
<body>{%app_entry%}<footer>{%config%}{%scripts%}{%renderer%}</footer></body></html>"""


def build_app(st: AppState, start: str, host: str = "127.0.0.1", port: int = 8050) -> Dash:
    """The Dash app on the state ``st``, opening on the measure ``start``, answering
    requests addressed to ``host``:``port`` (or a loopback name with the port) only."""
    app = Dash(__name__, serve_locally=True, title="What if? / Tänk om?",
               update_title=None, assets_ignore=".*", compress=False)
    app.index_string = INDEX
    measures = [(NO_MEASURE, "-")] + [(n, texts.title(m.texts, "sv"))
                                      for n, m in st.measures.items()]
    # each page load is a session of its own: one what-if at a time per page
    app.layout = lambda: page(measures, start, session=secrets.token_urlsafe(16))
    protect(app.server, host, port)
    register(app, st)
    register_brief(app, st)
    return app


def first_measure(st: AppState) -> str:
    return next(iter(st.measures), NO_MEASURE)


def serve(st: AppState, host: str, port: int, say=print) -> None:
    """Start the workers and the base, then serve until interrupted; the workers are
    stopped on the way out whatever ends the server."""
    _check_port(host, port)
    start = first_measure(st)
    app = build_app(st, start, host, port)
    try:
        st.start(start)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        say(f"What-if app: http://{host}:{port}/  (Ctrl-C to stop)")
        app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
    finally:
        st.runner.close()


def _check_port(host: str, port: int) -> None:
    """Refuse at once (before any work) an address the server could not listen on."""
    if not 1 <= port <= 65535:
        raise UserError(f"--port {port}: must be between 1 and 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UserError(f"--host {host}: unknown address ({exc})") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            raise UserError(f"--port {port}: cannot listen on {host}:{port} "
                            f"({exc.strerror or exc}); choose another port") from None


def options_dir(results: Path) -> Path:
    return Path(results) / "app_options"

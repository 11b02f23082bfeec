"""``briefdeck preview``: the slides as the .pptx will have them, in a browser, rebuilt on every save.

    server = start_preview(Path("briefs/x.yaml"), port=8750)
    print(server.address)
    serve_until_interrupted(server)  # until Ctrl-C

`state.py` checks the brief and plans its pages (keeping the index, the
lexicon and the layout between builds), `page.py` and `slides.py` write
the HTML, `evidence.py` the panel each footnote marker opens, `watch.py`
rebuilds on save, `server.py` serves it on 127.0.0.1 only.
"""

from __future__ import annotations

from pathlib import Path

from briefdeck.preview.server import PreviewServer
from briefdeck.preview.state import PreviewBuilder
from briefdeck.preview.watch import Watcher

__all__ = ["PreviewServer", "serve_until_interrupted", "start_preview", "stop_preview"]


def start_preview(brief: Path, *, audience: str | None = None, port: int = 0) -> PreviewServer:
    """A server for ``brief`` bound to 127.0.0.1:``port`` (0: any free port), its first build under way.

    Raises `OSError` when the port cannot be bound. The caller runs
    `serve_forever` (or `serve_until_interrupted`) and finally `stop_preview`.
    """
    builder = PreviewBuilder(brief, audience=audience)
    server = PreviewServer(builder, port)
    server.watcher = Watcher(builder)
    server.watcher.start()
    return server


def stop_preview(server: PreviewServer) -> None:
    """Stop watching and close the socket (after `serve_forever` has returned)."""
    server.end_streams()
    if server.watcher is not None:
        server.watcher.stop()
    server.close_connections()
    server.server_close()


def serve_until_interrupted(server: PreviewServer) -> None:
    """Serve until Ctrl-C, then stop cleanly."""
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop_preview(server)

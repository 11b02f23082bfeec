"""An image slide's picture as an ``<img>`` the handout carries inside itself (a data URL).

The handout stays one self-contained file and the PDF needs nothing from
outside the project. ``alt`` is the picture's text alternative; a decorative
picture gets ``alt=""`` so screen readers pass over it (WeasyPrint then tags
it an artifact, not a Figure).
"""

from __future__ import annotations

import base64

from markupsafe import Markup, escape

from briefdeck.deck.model import Picture
from briefdeck.outline.images import read_picture


def picture_html(picture: Picture) -> Markup:
    """The ``<img>`` element of ``picture``, its bytes inlined."""
    data = read_picture(picture.path)
    source = f"data:{picture.mime};base64,{base64.b64encode(data).decode('ascii')}"
    alt = "" if picture.decorative else picture.alt or ""
    return Markup('<img class="picture-img" src="{}" alt="{}" width="{}" height="{}">').format(
        source, escape(alt), picture.width, picture.height)

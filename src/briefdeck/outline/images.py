"""Picture slides in a brief, and the checks their files must pass.

    - kind: image
      title: Where the camps are
      image: images/camps.png     # PNG or JPEG, relative to the brief's folder
      alt: Map of North Korea …   # required, unless the picture is decorative
      # decorative: true          # a picture that adds nothing a reader needs
      credit:                     # the picture's source: a point, cited like a bullet
        text: Map from the 2017 report
        source: tip-2017-dprk

The keys and their types are the image slide's place in
`briefdeck.outline.fields`; the brief reader (`read_brief.py`) calls
`image_spec` for an image slide; `picture_problems` then
checks every file (it is untrusted): missing, unreadable, not a PNG or JPEG,
or over 50 megapixels is an error at the line of ``image:``.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Protocol

from briefdeck.errors import BriefdeckError, Location, Problem, display_path
from briefdeck.outline.fields import SLIDES, Field
from briefdeck.outline.model import ImageSpec, Outline, PointSpec
from briefdeck.yamlfile import MapNode, Node

IMAGE = SLIDES["image"]
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
MAX_PIXELS = 50_000_000


class _Reader(Protocol):
    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None: ...
    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None: ...
    def read_field(self, field: Field, node: Node | None) -> Any: ...
    def point(self, node: Node, slide_kind: str, slide_audiences: tuple[str, ...] | None, *,
              question: bool = False) -> PointSpec | None: ...


def image_spec(loader: _Reader, fields: dict[str, Node], node: MapNode,
               audiences: tuple[str, ...] | None) -> tuple[ImageSpec | None, tuple[PointSpec, ...]]:
    """The picture of an image slide and its credit point (if any), or None (reported)."""
    path = loader.text(fields.get("image"), IMAGE.field("image").what, required=True)
    if "image" not in fields:
        loader.error("an image slide needs 'image:', the picture's file", node.location,
                     "write 'image: images/picture.png' (relative to the brief's folder)", code="missing-key")
    decorative = bool(loader.read_field(IMAGE.field("decorative"), fields.get("decorative")))
    alt = loader.text(fields.get("alt"), IMAGE.field("alt").what, required=True)
    if not alt and not decorative and "alt" not in fields:
        loader.error("an image slide needs 'alt:', the picture described for those who cannot see it",
                     node.location, "write 'alt: …' (what the picture shows that matters here), or "
                     "'decorative: true' for a picture that adds nothing", code="missing-alt")
    credit = loader.point(fields["credit"], "image", audiences) if "credit" in fields else None
    if path is None or (not alt and not decorative):
        return None, ()
    location = fields["image"].location
    return ImageSpec(path, None if decorative else alt, decorative, location), (credit,) if credit else ()


def picture_problems(outline: Outline, project: Path) -> list[Problem]:
    """Errors for every picture file of ``outline`` (relative to its folder) that cannot be shown."""
    base = Path(outline.path).parent
    return [p for slide in outline.slides if slide.image is not None
            for p in [picture_problem(base, slide.image, project)] if p is not None]


def picture_header(path: Path) -> tuple[str, int, int]:
    """The format ("PNG", "JPEG"…) and size in pixels of the picture at ``path``, from its header only."""
    from PIL import Image  # imported on first use: Pillow costs start-up time and most decks have no picture

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked by the caller
        with Image.open(path) as image:
            return str(image.format), image.size[0], image.size[1]


def picture_problem(base: Path, spec: ImageSpec, project: Path) -> Problem | None:
    """Why the picture of ``spec`` cannot be shown, or None. Only files inside ``project`` are taken:
    a brief from elsewhere must not carry other files of the machine into a deck."""
    path = base / spec.path
    from PIL import Image, UnidentifiedImageError

    hint = "export it as a PNG or JPEG of at most 50 megapixels"
    if not path.resolve().is_relative_to(project.resolve()):
        return Problem(f"image: {spec.path!r} is outside the project folder {display_path(project)}",
                       spec.location, "copy the picture into the project, e.g. into images/", code="image-file")
    if not path.is_file():
        return Problem(f"image: there is no file {spec.path!r} (looked in {base}/)", spec.location,
                       "give the path relative to the brief's folder", code="image-file")
    try:
        kind, width, height = picture_header(path)
    except Image.DecompressionBombError:
        return Problem(f"image: {spec.path!r} is too large to open safely", spec.location, hint,
                       code="image-file")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        return Problem(f"image: {spec.path!r} is not a picture briefdeck can read ({type(exc).__name__})",
                       spec.location, hint, code="image-file")
    if kind not in FORMATS:
        return Problem(f"image: {spec.path!r} is a {kind} picture; decks take PNG or JPEG", spec.location, hint,
                       code="image-file")
    if width * height > MAX_PIXELS:
        return Problem(f"image: {spec.path!r} has {width} x {height} pixels, over 50 megapixels",
                       spec.location, hint, code="image-file")
    return None


def read_picture(path: Path) -> bytes:
    """The bytes of a picture file checked with the brief (it may have gone since: then an error)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BriefdeckError(Problem(f"cannot read the picture {display_path(path)}: {exc.strerror}",
                                     hint="check the file is still there", code="image-file")) from None

"""A record's URL from elsewhere: only http, https and mailto become links, in the deck and the handout;
anything else is shown as text and the build warns, naming the record."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from briefdeck.links import live_link

from .helpers import assert_no_traceback, set_url

DANGEROUS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "file:///etc/passwd",
    "file://fileserver/share/report.pdf",
    r"\\fileserver\share\report.pdf",
    r"https:\\fileserver\share",
    "//fileserver/share",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ms-word:ofe|u|https://example.invalid/a.docx",
    "smb://fileserver/share",
    "http://",
    "mailto:",
    "http://[::1",
]


@pytest.mark.parametrize("url", DANGEROUS)
def test_a_dangerous_url_is_never_a_live_link(url):
    assert live_link(url) is None


@pytest.mark.parametrize("url, link", [
    ("https://www.state.gov/reports/", "https://www.state.gov/reports/"),
    ("HTTP://EXAMPLE.ORG/a b", "HTTP://EXAMPLE.ORG/a%20b"),
    ("mailto:someone@example.org", "mailto:someone@example.org"),
])
def test_web_and_mail_addresses_stay_links(url, link):
    assert live_link(url) == link


def pptx_links(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".rels"))
    prs = Presentation(io.BytesIO(data))
    addresses = [run.hyperlink.address for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
                 for para in shape.text_frame.paragraphs for run in para.runs if run.hyperlink.address]
    assert rels.count(b'TargetMode="External"') == len(set(addresses)) or not addresses
    return addresses


def slide_text(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    return "\n".join(shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "file:///etc/passwd",
                                 r"\\fileserver\share\report.pdf", "data:text/html,hi"])
def test_a_dangerous_record_url_is_text_in_deck_and_handout_with_a_warning(briefed, cli, url):
    set_url(briefed, "king-2019", url)
    result = cli(briefed, "build", "briefs/b.yaml", "--format", "pptx,html")
    assert result.exit_code == 0, result.output
    assert_no_traceback(result.output)
    assert (f"seeds/sources.yaml: warning: record 'king-2019': URL {url!r} is not a web or mail address, "
            "so it is shown as text, not as a link") in result.stderr
    assert "1 warning" in result.stdout
    data = (briefed / "build" / "b-all.pptx").read_bytes()
    assert pptx_links(data) == []
    assert url in slide_text(data)  # the reader still sees where the record says it came from
    html = (briefed / "build" / "b-all-handout.html").read_text(encoding="utf-8")
    assert "<a " not in html
    check = cli(briefed, "check", "briefs/b.yaml", "--strict")
    assert check.exit_code == 1 and "error: record 'king-2019'" in check.stderr


def test_a_web_address_stays_a_live_link_without_a_warning(briefed, cli):
    set_url(briefed, "king-2019", "https://example.org/report")
    result = cli(briefed, "build", "briefs/b.yaml", "--format", "pptx,html")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert pptx_links((briefed / "build" / "b-all.pptx").read_bytes()) == ["https://example.org/report"]
    html = (briefed / "build" / "b-all-handout.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/report">' in html

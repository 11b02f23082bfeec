"""An organisation's template from elsewhere: bombs, entities, broken parts and external links give a
located error or a clean deck with a warning, never an internal error or a corrupt .pptx."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from pptx import Presentation

from briefdeck.render.pptx import check_pptx, template_zip

from .helpers import assert_no_traceback, make_layout, snapshot, write_brief
from .templates import (
    EXTERNAL_IMAGE, FILE_IMAGE, UNC_LINK, dangling_template, entity_template, external_template,
    no_layouts_template, plain_template, ratio_bomb_template,
)


def build_with_template(project, cli, data: bytes, *, name: str = "corp.pptx"):
    make_layout(project, "corp", f"template: {name}\n", {name: data})
    write_brief(project, layout="corp")
    return cli(project, "build", "briefs/b.yaml", "--format", "pptx")


def assert_template_error(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "layouts/corp/corp.pptx: error: cannot open the template layouts/corp/corp.pptx: " in result.stderr
    assert words in result.stderr, result.stderr
    assert_no_traceback(result.output)


def test_a_plain_template_builds(project, cli):
    result = build_with_template(project, cli, plain_template())
    assert result.exit_code == 0, result.output
    assert check_pptx((project / "build" / "b-all.pptx").read_bytes()) == []


def test_a_template_declaring_an_entity_is_refused(project, cli):
    result = build_with_template(project, cli, entity_template())
    assert_template_error(result, "part ppt/slideLayouts/slideLayout1.xml declares a document type (<!DOCTYPE>")
    assert not (project / "build" / "b-all.pptx").exists()


def test_a_billion_laughs_is_refused_without_expanding(project, cli):
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
        + "]>")

    def change(name, blob):
        if name == "ppt/presentation.xml":
            return blob.replace(b"?>", b"?>" + laughs.encode(), 1)
        return blob
    from .templates import rewrite
    result = build_with_template(project, cli, rewrite(plain_template(), change))
    assert_template_error(result, "part ppt/presentation.xml declares a document type")


def test_a_compression_bomb_is_refused_before_it_is_unpacked(project, cli):
    result = build_with_template(project, cli, ratio_bomb_template(20))
    assert_template_error(result, "part ppt/media/padding.bin unpacks to 20,971,520 bytes from")
    assert "more than 100 times its size" in result.stderr


def test_a_template_unpacking_past_the_total_limit_is_refused(project, cli, monkeypatch):
    monkeypatch.setattr(template_zip, "MAX_UNPACKED_BYTES", 50_000)  # the real limit is 100 MB
    result = build_with_template(project, cli, plain_template())
    assert_template_error(result, "it unpacks to 93,710 bytes, more than the limit of 50,000")


def test_a_zip_whose_sizes_lie_is_refused(project, cli):
    """The central directory says the 2 MB part of zeros unpacks to 1,000 bytes: zipfile stops there and
    the part's checksum fails, so a lie cannot make anything unpack more than the limits allow."""
    data = bytearray(ratio_bomb_template(2))
    name = b"ppt/media/padding.bin"
    header = data.find(b"PK\x01\x02", data.rfind(name) - 46)  # the central directory entry
    assert data[header + 46:header + 46 + len(name)] == name
    data[header + 24:header + 28] = (1000).to_bytes(4, "little")  # its "uncompressed size" field
    result = build_with_template(project, cli, bytes(data))
    assert_template_error(result, "it is not a readable .pptx/.potx (zip) file")


@pytest.mark.parametrize("data, words", [
    (b"not a zip at all", "it is not a readable .pptx/.potx (zip) file"),
    (plain_template()[:5000], "it is not a readable .pptx/.potx (zip) file"),
    (b"", "it is not a readable .pptx/.potx (zip) file"),
])
def test_not_a_zip_or_a_truncated_zip_is_a_located_error(project, cli, data, words):
    assert_template_error(build_with_template(project, cli, data), words)


def test_a_corrupt_entry_is_a_located_error(project, cli):
    data = bytearray(plain_template())
    start = data.find(b"ppt/presentation.xml") + len("ppt/presentation.xml")
    data[start + 40:start + 80] = bytes(40)  # damage the deflated bytes of the first entry named so
    result = build_with_template(project, cli, bytes(data))
    assert_template_error(result, "cannot open the template")


def test_a_template_without_layouts_is_a_located_error(project, cli):
    assert_template_error(build_with_template(project, cli, no_layouts_template()), "it has no slide layouts")


def test_a_dangling_relationship_is_a_located_error(project, cli):
    result = build_with_template(project, cli, dangling_template())
    assert_template_error(result, "part /ppt/slideMasters/slideMaster1.xml refers to rId11, a relationship whose "
                                  "target is missing from the file")


def test_a_template_that_is_a_fifo_is_refused(project, cli):
    folder = make_layout(project, "corp", "template: corp.pptx\n")
    os.mkfifo(folder / "corp.pptx")
    write_brief(project, layout="corp")
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx")
    assert result.exit_code == 1
    assert_no_traceback(result.output)


def test_external_relationships_are_dropped_with_a_warning(project, cli):
    result = build_with_template(project, cli, external_template())
    assert result.exit_code == 0, result.output
    for target in (EXTERNAL_IMAGE, FILE_IMAGE, UNC_LINK):
        assert (f"layouts/corp/corp.pptx: warning: the template layouts/corp/corp.pptx links "
                f"/ppt/slideMasters/slideMaster1.xml to the outside ({target!r}); that link is left out"
                in result.stderr), result.stderr
    assert "4 warnings" not in result.stdout and "3 warnings" in result.stdout
    data = (project / "build" / "b-all.pptx").read_bytes()
    assert check_pptx(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"External" not in everything and b"example.invalid" not in everything and b"fileserver" not in everything
    assert b"rIdX" not in everything
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 4


def test_a_failed_template_leaves_the_earlier_deck_whole(project, cli):
    first = build_with_template(project, cli, plain_template())
    assert first.exit_code == 0, first.output
    before = snapshot(project / "build")
    (project / "layouts" / "corp" / "corp.pptx").write_bytes(entity_template())
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx")
    assert result.exit_code == 1
    assert snapshot(project / "build") == before


def test_a_chain_of_parts_deeper_than_pythons_stack_builds(project, cli):
    # Parts are read and written by following relationships depth first: a template whose parts hang
    # one from the next (3,000 deep) must not exhaust the interpreter's recursion limit.
    from .templates import rewrite
    depth, kind = 3000, "http://example.invalid/next"
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdDeep" Type="{kind}" Target="{target}"/></Relationships>')

    def change(name: str, blob: bytes) -> bytes:
        if name == "ppt/_rels/presentation.xml.rels":
            return blob.replace(b"</Relationships>", rels.format(kind=kind, target="deep/part0.bin")
                                .split(">", 1)[1].encode())
        if name == "[Content_Types].xml":
            return blob.replace(b"<Default ", b'<Default Extension="bin" ContentType="application/octet-stream"/>'
                                b"<Default ", 1)
        return blob

    extra = {f"ppt/deep/part{n}.bin": b"x" for n in range(depth)}
    extra.update({f"ppt/deep/_rels/part{n}.bin.rels": rels.format(kind=kind, target=f"part{n + 1}.bin").encode()
                  for n in range(depth - 1)})
    result = build_with_template(project, cli, rewrite(plain_template(), change, extra))
    assert result.exit_code == 0, result.output
    data = (project / "build" / "b-all.pptx").read_bytes()
    assert f"ppt/deep/part{depth - 1}.bin" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert check_pptx(data) == []

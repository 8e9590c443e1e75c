"""Content-Encoding is undone by the lab within the size limit, bombs included."""

from __future__ import annotations

import gzip
import struct
import tracemalloc
import zlib
from typing import TYPE_CHECKING

import brotli
import pytest

from interop_lab.transport import Limits
from interop_lab.transport.decoding import BodyTooLargeError, BodyUndecodableError, BoundedBody

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Handler, Serve

MIB = 1024 * 1024
BOMB_MIB = 1024  # expands to 1 GiB
PAYLOAD = b'{"@context": "https://data.vlaanderen.be/context/x.jsonld"}' * 100
DEFAULT_LIMITS = Limits(retries=0)  # 20 MiB, the limit a run uses


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """1 GiB of zeros as a valid gzip stream of about 1 MiB, built without compressing 1 GiB.

    After a full flush deflate output no longer depends on earlier data, so every further
    MiB of zeros compresses to the same bytes and can be repeated.
    """
    zeros = bytes(MIB)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflater.compress(zeros) + deflater.flush(zlib.Z_FULL_FLUSH)
    repeated = deflater.compress(zeros) + deflater.flush(zlib.Z_FULL_FLUSH)
    end = deflater.flush()
    crc = 0
    for _ in range(BOMB_MIB):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (BOMB_MIB * MIB) & 0xFFFFFFFF)
    return header + first + repeated * (BOMB_MIB - 1) + end + trailer


@pytest.fixture(scope="module")
def brotli_bomb() -> bytes:
    """1 GiB of zeros as brotli (about 200 KB at quality 1, made in a fraction of a second)."""
    compressor = brotli.Compressor(quality=1)
    zeros = bytes(MIB)
    parts = [compressor.process(zeros) for _ in range(BOMB_MIB)]
    return b"".join([*parts, compressor.finish()])


def _encoded(body: bytes, encoding: str, content_type: str = "application/json") -> Handler:
    def handler(conn: Conn) -> None:
        conn.respond(200, body, [("Content-Encoding", encoding), ("Content-Type", content_type)])

    return handler


def _fetch_bomb(serve: Serve, fetch: Fetch, bomb: bytes, encoding: str) -> tuple[str, int]:
    url = serve({"/": _encoded(bomb, encoding)}).url("/")
    tracemalloc.start()
    try:
        fetched = fetch(url, limits=DEFAULT_LIMITS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert fetched.error is not None
    assert fetched.body == b""
    assert fetched.exchanges[0].body_size <= DEFAULT_LIMITS.max_body_bytes
    return fetched.error.kind, peak


def test_gzip_bomb_is_too_large_with_bounded_memory(
    serve: Serve, fetch: Fetch, gzip_bomb: bytes
) -> None:
    kind, peak = _fetch_bomb(serve, fetch, gzip_bomb, "gzip")
    assert kind == "too-large"
    assert peak < 64 * MIB


def test_brotli_bomb_is_too_large_with_bounded_memory(
    serve: Serve, fetch: Fetch, brotli_bomb: bytes
) -> None:
    kind, peak = _fetch_bomb(serve, fetch, brotli_bomb, "br")
    assert kind == "too-large"
    assert peak < 64 * MIB


def test_too_large_after_decompression_says_so(serve: Serve, fetch: Fetch) -> None:
    url = serve({"/": _encoded(gzip.compress(bytes(200_000)), "gzip")}).url("/")
    fetched = fetch(url, limits=Limits(retries=0, max_body_bytes=100_000))
    assert fetched.error is not None
    assert (
        fetched.error.message == "antwoord groter dan 97,66 KiB na decompressie (limiet 97,66 KiB)"
    )


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-15)),  # raw deflate, seen in the wild
        ("br", brotli.compress),
        ("identity", lambda data: data),
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "br", "identity"],
)
def test_encoded_body_is_decoded(
    encoding: str, compress: object, serve: Serve, fetch: Fetch
) -> None:
    assert callable(compress)
    url = serve({"/": _encoded(compress(PAYLOAD), encoding)}).url("/")
    fetched = fetch(url)
    assert fetched.ok
    assert fetched.body == PAYLOAD
    assert fetched.exchanges[0].body_size == len(PAYLOAD)
    assert fetched.exchanges[0].body_text == PAYLOAD.decode()


def test_unknown_encoding_is_a_decoding_error(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": _encoded(PAYLOAD, "zstd")}).url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "decoding"
    assert fetched.error.message == "onbekende Content-Encoding 'zstd'"


def test_corrupt_gzip_is_a_decoding_error(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": _encoded(b"\x1f\x8b\x08\x00garbage!", "gzip")}).url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "decoding"


def _decode(body: bytes, encoding: str, limit: int = MIB) -> bytes:
    decoder = BoundedBody(encoding, limit)
    for start in range(0, len(body), 7):  # odd chunk sizes split headers and blocks
        decoder.feed(body[start : start + 7])
    return decoder.finish()


def test_stacked_encodings_are_undone_in_reverse_order() -> None:
    assert _decode(brotli.compress(gzip.compress(PAYLOAD)), "gzip, br") == PAYLOAD


def test_gzip_with_several_members_is_decoded_whole() -> None:
    assert _decode(gzip.compress(b"een ") + gzip.compress(b"twee"), "gzip") == b"een twee"


def test_truncated_gzip_is_undecodable() -> None:
    with pytest.raises(BodyUndecodableError):
        _decode(gzip.compress(PAYLOAD)[:-12], "gzip")


def test_nested_bomb_is_stopped_in_the_inner_layer() -> None:
    inner = gzip.compress(bytes(4 * MIB))
    with pytest.raises(BodyTooLargeError):
        _decode(gzip.compress(inner), "gzip, gzip", limit=MIB)

"""Bounded decoding of Content-Encoding (gzip, deflate, br).

httpx's own decoders would inflate a compression bomb into memory before any size check, so the
lab reads raw bytes and decodes them here, in steps of at most `STEP` output bytes: memory stays
near the limit however large the body claims to expand.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

import brotli

from interop_lab.transport import messages

STEP = 64 * 1024
_BROTLI_SLICE = 1024
# brotli >= 1.2 can cap the output of one call; older versions only let us feed tiny slices.
_BROTLI_CAPPED = hasattr(brotli.Decompressor, "can_accept_more_data")
_ALIASES = {"x-gzip": "gzip"}


class BodyTooLargeError(Exception):
    """The body exceeds the size limit: as announced, as received, or after decoding."""

    def __init__(self, *, decoded: bool, declared: int | None = None) -> None:
        super().__init__("body too large")
        self.decoded = decoded
        self.declared = declared


class BodyUndecodableError(Exception):
    """The Content-Encoding is unknown or the data is not valid for it; the message is Dutch."""


class _Stage(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


class _Zlib:
    """gzip (possibly several members) or deflate (zlib-wrapped or raw, detected)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._pending = b""
        self._fed = False
        self._inflater = zlib.decompressobj(31) if encoding == "gzip" else None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if not data:
            return
        self._fed = True
        if self._inflater is None:
            # The zlib header check needs two bytes; a chunk may carry only one.
            self._pending += data
            if len(self._pending) < 2:
                return
            data, self._pending = self._pending, b""
            self._inflater = zlib.decompressobj(_deflate_wbits(data))
        yield from self._inflate(data)

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        while True:
            inflater = self._inflater
            assert inflater is not None
            try:
                out = inflater.decompress(data, STEP)
            except zlib.error as exc:
                raise BodyUndecodableError(messages.corrupt_encoding(self._encoding)) from exc
            if out:
                yield out
            data = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data[:1] == b"\x1f" and self._encoding == "gzip":
                data, self._inflater = inflater.unused_data, zlib.decompressobj(31)
                continue
            # A full STEP means zlib may hold more output even when all input was consumed.
            if not data and len(out) < STEP:
                return

    def finish(self) -> Iterator[bytes]:
        # An empty body is fine (HEAD-like answers); a started but unfinished stream is not.
        if self._fed and (self._inflater is None or not self._inflater.eof):
            raise BodyUndecodableError(messages.corrupt_encoding(self._encoding))
        return iter(())


def _deflate_wbits(head: bytes) -> int:
    """15 for zlib-wrapped deflate (RFC 9110), -15 for the raw deflate some servers send."""
    wrapped = head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return 15 if wrapped else -15


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()
        self._fed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._fed = self._fed or bool(data)
        # Small input slices: one slice of a brotli bomb can still expand enormously.
        slice_size = _BROTLI_SLICE if _BROTLI_CAPPED else 64
        for start in range(0, len(data), slice_size):
            yield from self._process(data[start : start + slice_size])

    def _process(self, data: bytes) -> Iterator[bytes]:
        out = self._call(data)
        if out:
            yield out
        while _BROTLI_CAPPED and not self._decompressor.can_accept_more_data():
            out = self._call(b"")
            if not out:
                raise BodyUndecodableError(messages.corrupt_encoding("br"))
            yield out

    def _call(self, data: bytes) -> bytes:
        try:
            if _BROTLI_CAPPED:
                return bytes(self._decompressor.process(data, output_buffer_limit=STEP))
            return bytes(self._decompressor.process(data))
        except brotli.error as exc:
            raise BodyUndecodableError(messages.corrupt_encoding("br")) from exc

    def finish(self) -> Iterator[bytes]:
        if self._fed and not self._decompressor.is_finished():
            raise BodyUndecodableError(messages.corrupt_encoding("br"))
        return iter(())


def _stage(encoding: str) -> _Stage:
    if encoding in ("gzip", "deflate"):
        return _Zlib(encoding)
    if encoding == "br":
        return _Brotli()
    raise BodyUndecodableError(messages.unknown_encoding(encoding))


def encodings(content_encoding: str | None) -> list[str]:
    """The codings of a Content-Encoding value, in the order they were applied."""
    if not content_encoding:
        return []
    names = (part.strip().lower() for part in content_encoding.split(","))
    return [_ALIASES.get(name, name) for name in names if name and name != "identity"]


class BoundedBody:
    """Decodes a body chunk by chunk; raises `BodyTooLargeError` as soon as it exceeds ``limit``."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        # Codings are undone in reverse order of application.
        self._stages = [_stage(name) for name in reversed(encodings(content_encoding))]
        self._produced = [0] * len(self._stages)
        self._limit = limit
        self._body = bytearray()

    @property
    def size(self) -> int:
        """Decoded bytes kept so far."""
        return len(self._body)

    def feed(self, data: bytes) -> None:
        for piece in self._pipe(data, 0):
            self._keep(piece)

    def finish(self) -> bytes:
        for index, stage in enumerate(self._stages):
            for piece in stage.finish():
                for out in self._pipe(piece, index + 1):
                    self._keep(out)
        return bytes(self._body)

    def _pipe(self, data: bytes, index: int) -> Iterator[bytes]:
        if index == len(self._stages):
            yield data
            return
        for piece in self._stages[index].feed(data):
            # Intermediate layers are bounded too, or a nested bomb would slip through.
            self._produced[index] += len(piece)
            if self._produced[index] > self._limit:
                raise BodyTooLargeError(decoded=True)
            yield from self._pipe(piece, index + 1)

    def _keep(self, piece: bytes) -> None:
        if len(self._body) + len(piece) > self._limit:
            raise BodyTooLargeError(decoded=bool(self._stages))
        self._body += piece

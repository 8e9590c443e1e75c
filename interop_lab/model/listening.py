"""The base of every HTTP server the lab runs (reference vendors, the catalogue, the lab as an
API): one thread per connection, its real address known, clients that hang up taken in stride."""

from __future__ import annotations

import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class LabServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a hanging handler must not hold up server_close()

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # read by the constructor below
        super().__init__(address, handler)
        host, port = self.socket.getsockname()[:2]  # the real port when 0 was asked for
        shown = f"[{host}]" if ":" in host else host
        # Built from the socket, never from a client's Host header: it goes into evidence.
        self.base_url = f"http://{shown}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gives up (timeout, closed connection) is normal for a lab's server;
        # anything else is a bug in the lab and is reported as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

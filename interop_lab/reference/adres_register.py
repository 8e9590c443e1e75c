"""The reference address register: a Basisregisters-style paged JSON-LD collection of addresses.

The list (``/v2/adressen?offset=N&limit=M``) uses the Basisregisters list context: ``adressen``
with each address's ``identificator.id`` and ``detail`` link, and ``volgende`` to the next page.
Each address's own document (``/v2/adressen/{id}``) follows the Adresregister application profile;
its ``@id`` (``/id/adres/{id}``) redirects there (303 See Other).

    with ReferenceVendor(AdresRegister(addresses=45, page_size=20)) as vendor:
        start = vendor.base_url + LIST_PATH
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from interop_lab.reference.adres_data import (
    AP_CONTEXT,
    LIST_CONTEXT,
    build_address,
    list_entry,
    object_id,
)
from interop_lab.reference.adres_defects import ADRES_DEFECTS, damage_address
from interop_lab.reference.adres_site import DETAIL_PATH, LIST_PATH, answer
from interop_lab.reference.defects import check_defects
from interop_lab.reference.site import SiteRequest, SiteResponse

__all__ = ["LIST_PATH", "AdresRegister"]


class AdresRegister:
    """Deterministic generator of the register: same parameters, same documents."""

    def __init__(
        self,
        addresses: int = 45,
        page_size: int = 20,
        defects: Collection[str] = (),
        seed: int = 0,
    ) -> None:
        if addresses < 1:
            raise ValueError(f"addresses must be 1 or more, got {addresses}")
        if page_size < 1:
            raise ValueError(f"page_size must be 1 or more, got {page_size}")
        self.addresses = addresses
        self.page_size = page_size
        self.defects = check_defects(defects, ADRES_DEFECTS)
        self.seed = seed

    def page_count(self) -> int:
        return -(-self.addresses // self.page_size)

    def damaged_address(self) -> int:
        """Index of the address the data defects hit (the first one of the second page)."""
        return self.page_size if self.page_count() > 1 else 0

    def index_of(self, local_id: str) -> int | None:
        """The index of the address with register id ``local_id``, if there is one."""
        if not local_id.isdigit():
            return None
        index = int(local_id) - int(object_id(0))
        return index if 0 <= index < self.addresses else None

    def answer(self, request: SiteRequest) -> SiteResponse:
        """The HTTP answer of the reference vendor (a ``Site``)."""
        return answer(self, request)

    def list_page(self, index: int, base_url: str) -> dict[str, Any]:
        """List page ``index``: its addresses and, but on the last page, the next page."""
        start = index * self.page_size
        page: dict[str, Any] = {
            "@context": LIST_CONTEXT,
            "adressen": [
                list_entry(i, self.seed, base_url)
                for i in range(start, min(self.addresses, start + self.page_size))
            ],
        }
        if index < self.page_count() - 1:
            page["volgende"] = self.page_url(base_url, index + 1)
        elif "paging-loop" in self.defects:
            page["volgende"] = base_url + LIST_PATH
        return page

    def page_url(self, base_url: str, index: int) -> str:
        if index == 0:
            return base_url + LIST_PATH
        return f"{base_url}{LIST_PATH}?offset={index * self.page_size}&limit={self.page_size}"

    def item(self, index: int, base_url: str) -> dict[str, Any]:
        """The document of address ``index``, with its context."""
        address = {"@context": AP_CONTEXT, **build_address(index, self.seed, base_url)}
        if index == self.damaged_address():
            damage_address(address, self.defects)
        return address

    def item_url(self, base_url: str, index: int) -> str:
        return f"{base_url}{DETAIL_PATH}{object_id(index)}"

"""The Dutch wording of fetch errors: municipalities read these on their scorecards."""

from __future__ import annotations

from interop_lab.transport.limits import MIB

KIB = 1024


def seconds(value: float) -> str:
    """``10`` for 10.0, ``0,5`` for 0.5: Dutch decimal comma, no needless zeros."""
    return f"{value:g}".replace(".", ",") + " s"


def size(value: int) -> str:
    """A byte count the way a reader thinks of it: ``20 MiB``, ``64 KiB``, ``100 bytes``."""
    if value >= MIB:
        return f"{value / MIB:.4g}".replace(".", ",") + " MiB"
    if value >= KIB:
        return f"{value / KIB:.4g}".replace(".", ",") + " KiB"
    return f"{value} bytes"


def timeout(limit_s: float) -> str:
    return f"geen antwoord binnen {seconds(limit_s)} (time-out)"


def budget(requests: int) -> str:
    return f"aanvraagbudget van de run ({requests} verzoeken) is op (limits.max_requests)"


def deadline(total_s: float) -> str:
    return f"tijdsbudget van de run ({seconds(total_s)}) is op (deadline)"


def too_large_raw(limit: int) -> str:
    return f"antwoord groter dan {size(limit)} (limiet)"


def too_large_decoded(limit: int) -> str:
    return f"antwoord groter dan {size(limit)} na decompressie (limiet {size(limit)})"


def too_large_declared(declared: int, limit: int) -> str:
    return (
        f"antwoord van {size(declared)} aangekondigd (Content-Length), "
        f"groter dan de limiet van {size(limit)}"
    )


def redirect_host(host: str) -> str:
    return f"doorverwijzing naar niet-toegestane host {host}"


def host_not_allowed(host: str) -> str:
    return f"host {host} staat niet in de lijst van toegestane hosts"


def address_not_allowed(host: str, address: str, reason: str) -> str:
    return (
        f"verbinding met {host} geweigerd: adres {address} is niet publiek ({reason}); "
        "een campagne test alleen publieke adressen; --allow-private voor de eigen testhosts "
        "van het lab"
    )


def redirect_scheme(scheme: str) -> str:
    return f"doorverwijzing naar niet-HTTP-schema {scheme}:"


def too_many_redirects(limit: int) -> str:
    return f"meer dan {limit} doorverwijzingen"


def redirect_loop(url: str) -> str:
    return f"doorverwijzingslus: {url} werd al bezocht"


def redirect_invalid(location: str) -> str:
    return f"doorverwijzing naar ongeldige URL {location!r}"


def invalid_url(url: str, reason: str) -> str:
    return f"ongeldige URL {url!r}: {reason}"


def refused(origin: str) -> str:
    return f"verbinding geweigerd door {origin}"


def unknown_host(host: str) -> str:
    return f"host {host} niet gevonden (DNS)"


def unreachable(origin: str) -> str:
    return f"geen verbinding mogelijk met {origin}"


def broken(origin: str) -> str:
    return f"verbinding met {origin} verbroken tijdens het antwoord"


def protocol(origin: str, detail: str) -> str:
    return f"ongeldig HTTP-antwoord van {origin}: {detail}"


def tls(origin: str, detail: str) -> str:
    return f"TLS-fout bij {origin}: {detail}"


def tls_certificate(origin: str, detail: str) -> str:
    return f"TLS-certificaat van {origin} niet geldig: {detail}"


def unknown_encoding(encoding: str) -> str:
    return f"onbekende Content-Encoding {encoding!r}"


def corrupt_encoding(encoding: str) -> str:
    return f"ongeldige of onvolledige {encoding}-gegevens (Content-Encoding)"

"""One job of the naive campaign baseline: fetch a claim's pages one by one, validate each page.

    python benchmarks/naive_job.py PROFILE SUITE

What a straightforward client would do, in a fresh process per job: fetch the pages
sequentially with httpx (the TREE relations of ``ipdc-lpdc`` and ``ldes`` feeds, the ``volgende``
links of an ``adresregister`` list, plus the ``detail`` document of each address listed), turn
each page into RDF with pyld and the suite's pinned contexts, and call pySHACL once per page (a
feed page with its members, a list page with the addresses it lists) when the suite has shapes.
The request timeout is the profile's ``limits.request_timeout_s``; the first failed request
ends the job. Prints one JSON line: pages, the error if any, and the SHACL violations found.

Needs INTEROP_LAB_ARTEFACTS (the artefact mirror) and the profile's token variable set.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

import httpx
import pyshacl
import yaml
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.namespace import RDF, SH

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.suites.artefact_set import SuiteArtefacts, load_suite_artefacts
from interop_lab.suites.registry import load_suites

TREE = "https://w3id.org/tree#"
RELATION_KEYS = ("relation", "tree:relation", TREE + "relation")
NODE_KEYS = ("node", "tree:node", TREE + "node")
DEFAULT_TIMEOUT_S = 10.0
ACCEPT = "application/ld+json"


def _first(mapping: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((mapping[key] for key in keys if key in mapping), None)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _id(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("@id"), str):
        return str(value["@id"])
    return None


def feed_links(page: dict[str, Any]) -> list[str]:
    """The pages a feed page's TREE relations point at (``view.relation[].node``)."""
    links = []
    for view in _as_list(page.get("view") or page.get("tree:view") or page.get(TREE + "view")):
        if not isinstance(view, dict):
            continue
        for relation in _as_list(_first(view, RELATION_KEYS)):
            if isinstance(relation, dict):
                target = _id(_first(relation, NODE_KEYS))
                if target:
                    links.append(target)
    return links


class NaiveJob:
    def __init__(self, profile_path: Path, suite_id: str) -> None:
        profile = yaml.safe_load(profile_path.read_text("utf-8"))
        claim = next(c for c in profile["claims"] if c["standard"] == suite_id)
        self.base_url = str(profile["base_url"]).rstrip("/")
        self.endpoints: dict[str, str] = claim["endpoints"]
        headers = {"Accept": ACCEPT}
        auth = profile.get("auth") or {}
        if auth.get("type") == "bearer":
            headers["Authorization"] = f"Bearer {os.environ[auth['token_env']]}"
        timeout = (profile.get("limits") or {}).get("request_timeout_s") or DEFAULT_TIMEOUT_S
        self.client = httpx.Client(headers=headers, timeout=float(timeout))
        suite = load_suites()[suite_id]
        self.artefacts: SuiteArtefacts = load_suite_artefacts(
            suite, ArtefactStore.from_environment(download)
        )
        self.suite_id = suite_id
        self.pages = 0
        self.violations = 0

    def _loader(self, url: str, _options: Any = None) -> dict[str, Any]:
        document = self.artefacts.context(url)
        if document is None:
            raise ValueError(f"context {url} is not pinned")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": document,
        }

    def fetch(self, url: str) -> dict[str, Any]:
        response = self.client.get(url)
        response.raise_for_status()
        self.pages += 1
        body: dict[str, Any] = response.json()
        return body

    def to_graph(self, document: dict[str, Any], url: str) -> Graph:
        options = {"documentLoader": self._loader, "base": url, "format": "application/n-quads"}
        quads = jsonld.to_rdf(document, options)
        # Named graphs (an address's @graph) are merged into one graph, as the shapes see it.
        dataset = Dataset(default_union=True).parse(data=quads, format="nquads")
        graph = Graph()
        for triple in dataset.triples((None, None, None)):
            graph.add(triple)
        return graph

    def validate(self, data: Graph) -> None:
        if self.artefacts.shapes is None:
            return
        data += self.artefacts.codelists
        _, report, _ = pyshacl.validate(data, shacl_graph=self.artefacts.shapes, inference="none")
        self.violations += sum(
            1
            for result in report.subjects(RDF.type, SH.ValidationResult)
            if (result, SH.resultSeverity, SH.Violation) in report
        )

    def run(self) -> None:
        if "feed" in self.endpoints:
            self._feed(self.base_url + self.endpoints["feed"])
        else:
            self._register(self.base_url + self.endpoints["collection"])

    def _feed(self, start: str) -> None:
        queue, seen = deque([start]), {start}
        while queue:
            url = queue.popleft()
            page = self.fetch(url)
            self.validate(self.to_graph(page, url))
            for link in feed_links(page):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)

    def _register(self, start: str) -> None:
        url: str | None = start
        seen = set()
        while url and url not in seen:
            seen.add(url)
            page = self.fetch(url)
            data = self.to_graph(page, url)
            for entry in _as_list(page.get("adressen")):
                detail = entry.get("detail") if isinstance(entry, dict) else None
                if isinstance(detail, str):
                    data += self.to_graph(self.fetch(detail), detail)
            self.validate(data)
            next_url = page.get("volgende")
            url = next_url if isinstance(next_url, str) else None


def main() -> None:
    profile, suite = Path(sys.argv[1]), sys.argv[2]
    started = time.perf_counter()
    job = NaiveJob(profile, suite)
    error = None
    try:
        job.run()
    except (httpx.HTTPError, ValueError, jsonld.JsonLdError, ParserError) as failure:
        error = f"{type(failure).__name__}: {failure}"[:300]
    finally:
        job.client.close()
    result = {
        "profile": profile.stem,
        "suite": suite,
        "pages": job.pages,
        "error": error,
        "shapes": job.artefacts.shapes is not None,
        "violations": job.violations,
        "seconds": round(time.perf_counter() - started, 3),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

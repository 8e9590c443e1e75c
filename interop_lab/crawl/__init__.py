"""Crawling claimed endpoints: pages fetched once, read as RDF, with their TREE or collection
links; and single requests (probes) read the same way."""

from __future__ import annotations

from interop_lab.crawl.crawler import ACCEPT, crawl, fetch_page
from interop_lab.crawl.pages import Crawl, CrawlBounds, Link, LinkRules, Page

__all__ = ["ACCEPT", "Crawl", "CrawlBounds", "Link", "LinkRules", "Page", "crawl", "fetch_page"]

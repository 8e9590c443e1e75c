"""Crawling claimed endpoints: pages fetched once, read as RDF, with their TREE links."""

from __future__ import annotations

from interop_lab.crawl.crawler import Crawl, CrawlBounds, Link, Page, crawl

__all__ = ["Crawl", "CrawlBounds", "Link", "Page", "crawl"]

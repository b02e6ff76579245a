"""One ``veille watch`` round over 200 sources served locally: time, requests per host in flight
at once (must never exceed 1), memory; then a second round, where nothing is new.

The sources are RSS feeds spread over 20 local hosts (127.0.0.2 … 127.0.0.21, all loopback), ten
per host, each listing ``--articles`` invented articles; the real pipeline extracts every new
article and the store keeps it. Nothing leaves the machine.

    PYTHONPATH=src .venv/bin/python bench/watch.py [--sources 200] [--hosts 20] [--articles 2] [--delay 0.25]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from watch_servers import Site, article_html, rss  # noqa: E402

SPEAKERS = ["Claire Vautrin", "Paul Berthier", "Sophie Marlin", "Julien Castagnet", "Hélène Roussel"]


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--articles", type=int, default=2, help="articles listed by each feed")
    ap.add_argument("--delay", type=float, default=0.25, help="seconds between two requests to one host")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from veille.pipeline import Pipeline
    from veille.store import Store
    from veille.watch import schema
    from veille.watch.fetch import FetchSettings
    from veille.watch.rounds import Watcher

    sites = [Site(f"127.0.0.{2 + h}").__enter__() for h in range(args.hosts)]
    try:
        for n in range(args.sources):
            site = sites[n % args.hosts]
            items = []
            for k in range(args.articles):
                path = f"/s{n}/a{k}.html"
                site.put(path, article_html(f"Valbrune : dossier {n}-{k} sur les transports", "2024-05-14",
                                            SPEAKERS[(n + k) % len(SPEAKERS)], "élue régionale",
                                            f"Le dossier {n}-{k} sera tranché avant l'été"))
                items.append((path, f"Dossier {n}-{k}", "Tue, 14 May 2024 08:00:00 GMT"))
            site.put(f"/s{n}/rss.xml", rss(site.url, items), "application/rss+xml")
        pipeline = Pipeline()
        rss_before = _rss_kb()
        with tempfile.TemporaryDirectory(prefix="watch-bench-") as tmp, Store(Path(tmp) / "bench.db") as store:
            for n in range(args.sources):
                schema.add_source(store.conn, f"{sites[n % args.hosts].url}/s{n}/rss.xml", None, 900)
            errors: list[str] = []
            watcher = Watcher(store, lambda: pipeline, FetchSettings(delay=args.delay, timeout=10, retries=1),
                              workers=args.workers, on_error=errors.append)
            started = time.monotonic()
            report = watcher.run_round(every=True)
            seconds = time.monotonic() - started
            # the steady state of a watch: nothing new, every feed answers 304 to its conditional GET
            started = time.monotonic()
            again = watcher.run_round(every=True)
            second = time.monotonic() - started
        requests = sum(len(s.requests) for s in sites)
        per_host = max(max(s.max_in_flight.values(), default=0) for s in sites)
        result = {
            "sources": args.sources, "hosts": args.hosts, "delay_s": args.delay, "workers": args.workers,
            "round_s": round(seconds, 1), "extract_and_store_s": round(report.extract_seconds, 1),
            "requests": requests, "new_articles": report.new,
            "errors": report.errors + again.errors, "max_in_flight_per_host": per_host,
            "second_round_s": round(second, 1), "second_round_not_modified": again.not_modified,
            "second_round_new": again.new,
            "articles_per_s": round(report.new / seconds, 1) if seconds else None,
            "rss_before_round_mb": round(rss_before / 1024), "rss_after_round_mb": round(_rss_kb() / 1024),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
    finally:
        for s in sites:
            s.__exit__()
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:24} {v}")
    print(report.line(1), file=sys.stderr)
    if errors:
        print("\n".join(errors[:10]), file=sys.stderr)
    print(again.line(2), file=sys.stderr)
    return 0 if per_host <= 1 and not errors else 1


if __name__ == "__main__":
    sys.exit(main())

"""Reports dashboard benchmark on PostgreSQL with the generated load data.

Times ``/reports/`` through the Django test client for a partnership lead (every
agency) and for an agency lead (their own agency), cold (cache cleared before each
request) and warm (figures cached), over N runs, and ``evidence_matrix`` alone. It
prints the median and 95th percentile in milliseconds, the queries per request, and
PASS or FAIL against the targets in issue 8: the partnership view under 300 ms and
one agency's view under 150 ms, judged on the cold median (nothing cached).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/learning_bench \\
        .venv/bin/python tests/benchmarks/bench_reports.py [--runs 20] [--explain]

The database named by BENCH_DATABASE_URL is used as it is (create it first with
``createdb``). If it holds fewer generated learners than ``--learners`` (20,000 by
default), the script migrates it, loads the modules and runs ``generate_load_data``
to top it up (about two minutes for 20,000), then benchmarks; later runs reuse the
data. Without BENCH_DATABASE_URL it prints how to run it and exits successfully, so
``make bench`` works on machines without PostgreSQL. ``--explain`` prints EXPLAIN
ANALYZE for the slowest queries of one cold partnership request.

The settings turn PostgreSQL's JIT off (``learning/settings/base.py``); ``--jit-on``
turns it back on for the run, for comparison (``--jit-off`` is kept and changes
nothing). Before timing, the script refreshes the report summary as the scheduled
``refresh_report_summary`` does in production and prints how long that took; it
also times one cold partnership request with every summary row stale (what a
request does if the scheduled refresh has stopped), for information.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PARTNERSHIP_TARGET_MS = 300
AGENCY_TARGET_MS = 150


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds):
    return f"{seconds * 1000:7.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--learners", type=int, default=20000)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--explain-top", type=int, default=3)
    parser.add_argument(
        "--jit-off",
        action="store_true",
        help="JIT is off already (settings); kept for old command lines.",
    )
    parser.add_argument(
        "--jit-on",
        action="store_true",
        help="Turn PostgreSQL's JIT back on for this run, to compare.",
    )
    args = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", "")
    if not url.startswith("postgres"):
        print(
            "SKIPPED: set BENCH_DATABASE_URL=postgres://user@host:5432/<database> "
            "(a dedicated, throwaway database) to benchmark the reports."
        )
        return 0
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "learning.settings.test"

    import django

    django.setup()
    if args.jit_on:
        from django.db import connection as default_connection

        default_connection.settings_dict.setdefault("OPTIONS", {})["options"] = (
            "-c jit=on"
        )
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from learning.accounts.roles import Role
    from learning.reports.loaddata import LOAD_DOMAIN, generated_users
    from learning.reports.models import ReportSummary
    from learning.reports.scope import report_scope_for
    from learning.reports.selectors import ReportFilters, evidence_matrix
    from learning.reports.summary import summary_refresh

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    learners = generated_users().filter(groups__name=Role.LEARNERS).count()
    if learners < args.learners:
        missing = args.learners - learners
        print(f"Generating {missing} learners into the benchmark database...")
        call_command("load_modules", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command(
            "generate_load_data", learners=missing, force=True, yes=True, seed=2026
        )
        learners = generated_users().filter(groups__name=Role.LEARNERS).count()

    lead = generated_users().filter(groups__name=Role.PARTNERSHIP_LEADS).first()
    agency_lead = (
        generated_users()
        .filter(groups__name=Role.AGENCY_LEADS)
        .select_related("profile__agency")
        .order_by("-profile__agency__frontline_headcount")
        .first()
    )
    agency = agency_lead.profile.agency
    agency_size = agency.profiles.count()
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    print(
        f"dataset: {learners} learners under {LOAD_DOMAIN} "
        f"({connection.vendor}, {connection.settings_dict['NAME']}, jit {jit}); "
        f"agency lead's agency: {agency.name} ({agency_size} staff)"
    )

    def time_page(user, *, cold):
        client = Client()
        client.force_login(user)
        client.get("/reports/")  # warm up connections, templates and sessions
        times, queries = [], []
        for _ in range(args.runs):
            if cold:
                cache.clear()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get("/reports/")
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
            queries.append(len(captured))
        return times, queries

    start = time.perf_counter()
    refreshed = summary_refresh()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_reportsummary, reports_reportevidence")
    print(
        f"report summary refreshed for {refreshed} people in "
        f"{time.perf_counter() - start:.1f} s (refresh_report_summary, run by cron)"
    )

    results = []
    print(f"\n/reports/ over {args.runs} runs      median     p95   queries")
    for label, user, target in (
        ("partnership lead", lead, PARTNERSHIP_TARGET_MS),
        ("agency lead", agency_lead, AGENCY_TARGET_MS),
    ):
        for cold in (True, False):
            times, queries = time_page(user, cold=cold)
            median = statistics.median(times)
            state = "cold" if cold else "warm"
            print(
                f"  {label:<17} {state}  {ms(median)} {ms(percentile(times, 0.95))}"
                f"   {min(queries)}-{max(queries)}"
            )
            if cold:
                results.append((label, median, target))

    scope = report_scope_for(lead)
    filters = ReportFilters.default()
    evidence_matrix(scope=scope, filters=filters)
    times = []
    with CaptureQueriesContext(connection) as captured:
        for _ in range(args.runs):
            start = time.perf_counter()
            evidence_matrix(scope=scope, filters=filters)
            times.append(time.perf_counter() - start)
    print(
        f"  evidence_matrix (all agencies)  {ms(statistics.median(times))} "
        f"{ms(percentile(times, 0.95))}   {len(captured) // args.runs}"
    )

    # What a request costs if the scheduled refresh has stopped: every summary row
    # is stale, so each person is worked out afresh from their certificates.
    ReportSummary.objects.update(computed_at=None)
    stale_times = []
    for user in (lead, agency_lead):
        client = Client()
        client.force_login(user)
        cache.clear()
        start = time.perf_counter()
        assert client.get("/reports/").status_code == 200
        stale_times.append(time.perf_counter() - start)
    summary_refresh()
    print(
        f"  with every summary row stale (no refresh running): partnership "
        f"{ms(stale_times[0]).strip()} ms, agency {ms(stale_times[1]).strip()} ms"
    )

    print("\ntargets (cold median, nothing cached):")
    failed = False
    for label, median, target in results:
        verdict = "PASS" if median * 1000 < target else "FAIL"
        failed |= verdict == "FAIL"
        print(f"  {verdict}  {label}: {median * 1000:.1f} ms (target < {target} ms)")

    if args.explain:
        cache.clear()
        client = Client()
        client.force_login(lead)
        with CaptureQueriesContext(connection) as captured:
            client.get("/reports/")
        slowest = sorted(
            captured.captured_queries, key=lambda q: float(q["time"]), reverse=True
        )[: args.explain_top]
        for query in slowest:
            print(f"\n-- {float(query['time']) * 1000:.1f} ms\n{query['sql'][:600]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                for (line,) in cursor.fetchall():
                    print(line)
    # A missed target is reported, not an error: the figures are what matter here.
    return 0 if not failed or not os.environ.get("BENCH_STRICT") else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""A command-line client of ZhijiangLive's gRPC endpoint: health, a demo roster, publishing and queries.

Needs only Debian's python3-grpcio and python3-protobuf. Replies are printed as JSON (explain prints tables,
or JSON with --json); a failed call prints its gRPC status to stderr and exits with 1. Publishing and the
roster take a platform API key (--key or ZHIJIANG_KEY), queries a bureau token (--token or ZHIJIANG_TOKEN);
health takes neither.
"""

import argparse
import json
import os
import re
import sys
import uuid
from datetime import datetime, timezone

import grpc
from google.protobuf import json_format

from zhijiang_contract import Contract, to_json, with_credentials

V1 = "zhijiang.live.v1"
HEALTH = "grpc.health.v1.Health"

DEMO_ROSTER = {
    "regions": [
        {"id": "330000", "name": "浙江省", "level": "REGION_LEVEL_PROVINCE"},
        {"id": "330100", "name": "杭州市", "level": "REGION_LEVEL_CITY", "parent_id": "330000"},
        {"id": "330106", "name": "西湖区", "level": "REGION_LEVEL_COUNTY", "parent_id": "330100"},
    ],
    "schools": [{"id": "S1", "name": "学军中学", "county_id": "330106"}],
    "teachers": [
        {"id": "T1", "name": "王老师", "school_id": "S1", "subject": "数学"},
        {"id": "T2", "name": "李老师", "school_id": "S1", "subject": "语文"},
    ],
}


def main(argv=None):
    contract = Contract()
    args = parser(contract).parse_args(argv)
    with grpc.insecure_channel(args.target) as plain:
        channel = with_credentials(plain, key=args.key, token=args.token)
        try:
            reply = args.run(contract, channel, args)
        except grpc.RpcError as e:
            print(json.dumps({"code": e.code().name, "details": e.details()}, ensure_ascii=False), file=sys.stderr)
            return 1
    print(args.show(reply, args) if getattr(args, "show", None) else to_json(reply))
    return 0


def parser(contract):
    p = argparse.ArgumentParser(prog="zhijiang.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--target", default=os.environ.get("ZHIJIANG_TARGET", "localhost:5081"),
                   help="the silo's gRPC endpoint, host:port (default $ZHIJIANG_TARGET, else %(default)s)")
    p.add_argument("--timeout", type=float, default=10, help="seconds before a call gives up (default %(default)s)")
    p.add_argument("--key", default=os.environ.get("ZHIJIANG_KEY"),
                   help="the platform API key for publish and roster-demo (default: $ZHIJIANG_KEY)")
    p.add_argument("--token", default=os.environ.get("ZHIJIANG_TOKEN"),
                   help="the bureau token for teacher, school, region, explain and leaderboard (default: $ZHIJIANG_TOKEN)")
    commands = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    health = commands.add_parser("health", help="grpc.health.v1 Check of the server or one service")
    health.add_argument("service", nargs="?", default="", help="e.g. zhijiang.live.v1.Ingest (default: the server)")
    health.set_defaults(run=run_health)

    demo = commands.add_parser("roster-demo", help="upsert a tiny roster: 浙江省 > 杭州市 > 西湖区 > school S1 > teachers T1, T2")
    demo.set_defaults(run=run_roster_demo)

    kinds = [f.name for f in contract.pool.FindMessageTypeByName(f"{V1}.ActivityEvent").oneofs_by_name["body"].fields]
    publish = commands.add_parser("publish", help="publish one event and print the reply")
    publish.add_argument("--teacher", required=True, help="the teacher's id")
    publish.add_argument("--kind", required=True, type=event_kind(kinds), metavar="KIND",
                         help=", ".join(kinds) + "; or a rule id that one kind scores: "
                         + ", ".join(f"{rule}={kind}" for rule, kind in RULE_KINDS.items()))
    publish.add_argument("--id", help="the event id (default: a new UUID)")
    publish.add_argument("--at", help="when it occurred, ISO 8601 (default: now)")
    publish.add_argument("--client", choices=["pc", "mobile", "web"], default="pc")
    publish.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                         help="a field of the body, e.g. --set app_id=weike; VALUE is read as JSON when it parses")
    publish.set_defaults(run=run_publish)

    for name, method in (("teacher", "GetTeacher"), ("school", "GetSchool"), ("region", "GetRegion")):
        get = commands.add_parser(name, help=f"Query.{method}: scores of the day, month and year of a date")
        get.add_argument("id")
        get.add_argument("--date", default="", help="YYYY-MM-DD in the service's zone (default: today)")
        get.set_defaults(run=run_get, method=method)

    explain = commands.add_parser("explain", help="Query.ExplainTeacher: the ledger of a teacher's day, rule by rule and event by event")
    explain.add_argument("id", help="the teacher's id")
    explain.add_argument("--date", default="", help="YYYY-MM-DD in the service's zone (default: today)")
    explain.add_argument("--json", action="store_true", help="print the reply as JSON, as the other commands do")
    explain.set_defaults(run=run_get, method="ExplainTeacher", show=show_ledger)

    board = commands.add_parser("leaderboard", help="Query.GetLeaderboard of a school or region")
    board.add_argument("scope", help="a school or region id")
    board.add_argument("--kind", choices=["teachers", "schools", "regions"], default="teachers")
    board.add_argument("--period", choices=["day", "month", "year"], default="day")
    board.add_argument("--date", default="")
    board.add_argument("--limit", type=int, default=10)
    board.add_argument("--offset", type=int, default=0)
    board.add_argument("--around", default="", help="centre the page on this member")
    board.set_defaults(run=run_leaderboard)
    return p


def run_health(contract, channel, args):
    request = contract.message("grpc.health.v1.HealthCheckRequest")(service=args.service)
    return contract.method(channel, HEALTH, "Check")(request, timeout=args.timeout)


def run_roster_demo(contract, channel, args):
    batch = contract.message(f"{V1}.RosterBatch")
    return contract.method(channel, f"{V1}.Roster", "Upsert")(from_dict(batch, DEMO_ROSTER), timeout=args.timeout)


# The rule ids of SPEC §4 that one event kind alone scores, accepted for that kind. Guidance is scored by two
# kinds (task_published, task_engagement), so it names neither.
RULE_KINDS = {
    "profile": "profile_updated", "mobile_op": "mobile_operation", "resource_review": "resource_reviewed",
    "teaching": "teaching_session", "app": "app_usage",
}


def event_kind(kinds):
    def parse(value):
        kind = RULE_KINDS.get(value, value)
        if kind not in kinds:
            raise argparse.ArgumentTypeError(
                f"'{value}' is not an event kind; the kinds are {', '.join(kinds)} "
                f"(rule ids work too: {', '.join(RULE_KINDS)})")
        return kind
    return parse


def run_publish(contract, channel, args):
    event_id = args.id or str(uuid.uuid4())
    body = {"session_id": event_id} if args.kind == "teaching_session" else {}
    for assignment in args.set:
        field, _, value = assignment.partition("=")
        body[field] = parse_value(value)
    at = datetime.fromisoformat(args.at.replace("Z", "+00:00")) if args.at else datetime.now(timezone.utc)
    if at.tzinfo is None:
        raise SystemExit("--at needs a zone, e.g. 2026-03-02T10:00:00+08:00")
    event = {
        "event_id": event_id,
        "teacher_id": args.teacher,
        "occurred_at": at.astimezone(timezone.utc).isoformat().replace("+00:00", "Z"),
        "client": f"CLIENT_{args.client.upper()}",
        args.kind: body,
    }
    request = from_dict(contract.message(f"{V1}.PublishRequest"), {"events": [event]})
    return contract.method(channel, f"{V1}.Ingest", "Publish")(request, timeout=args.timeout)


def run_get(contract, channel, args):
    request = contract.message(f"{V1}.GetRequest")(id=args.id, date=args.date)
    return contract.method(channel, f"{V1}.Query", args.method)(request, timeout=args.timeout)


# The ledger names a cap only where it refused points: "daily cap 10 reached", "resource cap 50 reached".
CAP_NOTE = re.compile(r"^(\w+) cap (\d+) reached$")


def show_ledger(ledger, args):
    """The ledger as text: a line on the day, a table of its rules, then its events in the order they were scored."""
    if args.json:
        return to_json(ledger)
    if not ledger.kept:
        return (f"{args.id} on {ledger.date}: that day's ledger is no longer kept (only recent days are); "
                f"its scores are still there: zhijiang.py teacher {args.id} --date {ledger.date}")
    entries = list(ledger.entries)
    if not entries:
        return f"{args.id} on {ledger.date}: no events scored that day."
    rules = {}
    for e in entries:
        rule = rules.setdefault(e.rule, {"events": 0, "points": 0, "caps": [], "capped": 0})
        rule["events"] += 1
        rule["points"] += e.points
        if cap := CAP_NOTE.match(e.note):
            per = "a day" if cap.group(1) == "daily" else f"a {cap.group(1)}"
            if f"{cap.group(2)} {per}" not in rule["caps"]:
                rule["caps"].append(f"{cap.group(2)} {per}")
            rule["capped"] += 1
    rows = [("rule", "events", "points", "cap", "capped")]
    rows += [(name, r["events"], r["points"], ", ".join(r["caps"]) or "-", r["capped"]) for name, r in rules.items()]
    rows.append(("total", len(entries), sum(e.points for e in entries), "", sum(r["capped"] for r in rules.values())))
    lines = [f"{args.id} on {ledger.date}: {len(entries)} events scored, {rows[-1][2]} points."]
    if not ledger.complete:
        lines.append("Incomplete: the ledger's limit per teacher dropped the day's oldest entries, "
                     "so these points may fall short of the day's score.")
    lines += ["", *table(rows, right=(1, 2, 4)),
              "cap: the cap a refusal named (the ledger names one only where it refused points); capped: the events a cap refused.",
              ""]
    lines += table([("event", "rule", "points", "note")]
                   + [(e.event_id, e.rule, f"{e.points:+d}" if e.points else "0", e.note) for e in entries], right=(2,))
    return "\n".join(lines)


def table(rows, right=()):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(str(v).rjust(w) if i in right else str(v).ljust(w) for i, (v, w) in enumerate(zip(row, widths))).rstrip()
            for row in rows]


def run_leaderboard(contract, channel, args):
    request = from_dict(contract.message(f"{V1}.LeaderboardRequest"), {
        "scope_id": args.scope, "kind": args.kind, "period": f"PERIOD_{args.period.upper()}", "date": args.date,
        "limit": args.limit, "offset": args.offset, "around_id": args.around,
    })
    return contract.method(channel, f"{V1}.Query", "GetLeaderboard")(request, timeout=args.timeout)


def from_dict(message_class, values):
    return json_format.ParseDict(values, message_class())


def parse_value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


if __name__ == "__main__":
    sys.exit(main())

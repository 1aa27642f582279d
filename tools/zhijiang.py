#!/usr/bin/python3
"""A command-line client of ZhijiangLive's gRPC endpoint: health, a demo roster, publishing, queries and evaluations.

Needs only Debian's python3-grpcio and python3-protobuf. Replies are printed as JSON (explain, rubrics, sheet
and evaluation-ranking print tables, or JSON with --json); a failed call prints its gRPC status to stderr and
exits with 1. Publishing and the roster take a platform API key (--key or ZHIJIANG_KEY), queries and
evaluations a bureau token (--token or ZHIJIANG_TOKEN); health takes neither.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
import uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

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
                   help="the bureau token for the queries (teacher … leaderboard) and the evaluations (rubrics … "
                   "evaluation-ranking) (default: $ZHIJIANG_TOKEN)")
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
    publish.add_argument("--at", type=instant, help="when it occurred, ISO 8601 with a zone (default: now)")
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

    add_evaluation_commands(commands)
    return p


def add_evaluation_commands(commands):
    rubrics = commands.add_parser("rubrics", help="Evaluation.ListRubrics: the annual rubrics, their items and caps, and award tiers")
    rubrics.add_argument("--json", action="store_true", help="print the reply as JSON")
    rubrics.set_defaults(run=run_rubrics, show=show_rubrics)

    register = commands.add_parser("register", help="Evaluation.Register: register teachers as candidates (报名) of a "
                                   "rubric and year, or withdraw them")
    register.add_argument("teachers", nargs="+", metavar="TEACHER", help="teacher ids, all in the token's region")
    add_rubric_and_year(register)
    register.add_argument("--from", dest="start", type=instant, metavar="WHEN",
                          help="when their figures start counting, ISO 8601 with a zone, not before today (default: now)")
    register.add_argument("--withdraw", action="store_true", help="withdraw these candidates rather than register them")
    register.set_defaults(run=run_register)

    expert = commands.add_parser("expert-score", help="Evaluation.ScoreExpert: enter experts' points (专家评分) for an item of a candidate")
    expert.add_argument("teacher", help="the candidate's teacher id")
    expert.add_argument("item", help="an item experts score, e.g. typical_case (rubrics lists them)")
    expert.add_argument("points", type=float, help="0 to the item's cap; a later entry replaces an earlier one")
    add_rubric_and_year(expert)
    expert.set_defaults(run=run_expert_score)

    sheet = commands.add_parser("sheet", help="Evaluation.GetSheet: a candidate's sheet, item by item: what was measured, "
                                "the points of the cap, what the next points need")
    sheet.add_argument("teacher", help="the candidate's teacher id")
    add_rubric_and_year(sheet)
    sheet.add_argument("--json", action="store_true", help="print the reply as JSON")
    sheet.set_defaults(run=run_sheet, show=show_sheet)

    ranking = commands.add_parser("evaluation-ranking", help="Evaluation.GetRanking: a region's candidates ranked, "
                                  "with their province rank and award tier")
    ranking.add_argument("region", nargs="?", default="", help="a region id (default: the token's own region)")
    add_rubric_and_year(ranking)
    ranking.add_argument("--limit", type=int, default=50, help="candidates on the page (default %(default)s, at most 1000)")
    ranking.add_argument("--offset", type=int, default=0, help="candidates to skip (default %(default)s)")
    ranking.add_argument("--json", action="store_true", help="print the reply as JSON")
    ranking.set_defaults(run=run_evaluation_ranking, show=show_evaluation_ranking)


# Evaluation years are counted in the service's zone; Asia/Shanghai is its default.
SERVICE_ZONE = ZoneInfo("Asia/Shanghai")


def add_rubric_and_year(command):
    command.add_argument("--rubric", required=True, help="the rubric's id, e.g. guizhou-2021 (rubrics lists them)")
    year = datetime.now(SERVICE_ZONE).year
    command.add_argument("--year", type=int, default=year, help="the evaluation's year (default: this year, %(default)s)")


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


def instant(text):
    """An ISO 8601 time with a zone, as the contract's JSON for a Timestamp (UTC, with Z)."""
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an ISO 8601 time, e.g. 2026-03-02T10:00:00+08:00") from None
    if at.tzinfo is None:
        raise argparse.ArgumentTypeError(f"'{text}' needs a zone, e.g. 2026-03-02T10:00:00+08:00")
    return timestamp_json(at)


def timestamp_json(at):
    return at.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def run_publish(contract, channel, args):
    event_id = args.id or str(uuid.uuid4())
    body = {"session_id": event_id} if args.kind == "teaching_session" else {}
    for assignment in args.set:
        field, _, value = assignment.partition("=")
        body[field] = parse_value(value)
    event = {
        "event_id": event_id,
        "teacher_id": args.teacher,
        "occurred_at": args.at or timestamp_json(datetime.now(timezone.utc)),
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
    cells = [[str(v) for v in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  ".join(pad(v, w, i in right) for i, (v, w) in enumerate(zip(row, widths))).rstrip() for row in cells]


def pad(text, width, right):
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def display_width(text):
    """Columns on a terminal: a Chinese character takes two, so names line up."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def run_leaderboard(contract, channel, args):
    request = from_dict(contract.message(f"{V1}.LeaderboardRequest"), {
        "scope_id": args.scope, "kind": args.kind, "period": f"PERIOD_{args.period.upper()}", "date": args.date,
        "limit": args.limit, "offset": args.offset, "around_id": args.around,
    })
    return contract.method(channel, f"{V1}.Query", "GetLeaderboard")(request, timeout=args.timeout)


def run_rubrics(contract, channel, args):
    return evaluation(contract, channel, "ListRubrics")(contract.message(f"{V1}.ListRubricsRequest")(), timeout=args.timeout)


def run_register(contract, channel, args):
    candidates = [candidate(teacher, args) for teacher in args.teachers]
    request = from_dict(contract.message(f"{V1}.RegisterRequest"), {"candidates": candidates})
    return evaluation(contract, channel, "Register")(request, timeout=args.timeout)


def candidate(teacher, args):
    values = {"rubric_id": args.rubric, "year": args.year, "teacher_id": teacher, "withdrawn": args.withdraw}
    if args.start:  # left out, the service counts from now
        values["from"] = args.start
    return values


def run_expert_score(contract, channel, args):
    score = {"rubric_id": args.rubric, "year": args.year, "teacher_id": args.teacher, "item_id": args.item, "points": args.points}
    request = from_dict(contract.message(f"{V1}.ScoreExpertRequest"), {"scores": [score]})
    return evaluation(contract, channel, "ScoreExpert")(request, timeout=args.timeout)


def run_sheet(contract, channel, args):
    request = contract.message(f"{V1}.SheetRequest")(rubric_id=args.rubric, year=args.year, teacher_id=args.teacher)
    return evaluation(contract, channel, "GetSheet")(request, timeout=args.timeout)


def run_evaluation_ranking(contract, channel, args):
    request = contract.message(f"{V1}.EvaluationRankingRequest")(
        rubric_id=args.rubric, year=args.year, region_id=args.region, offset=args.offset, limit=args.limit)
    return evaluation(contract, channel, "GetRanking")(request, timeout=args.timeout)


def evaluation(contract, channel, method):
    return contract.method(channel, f"{V1}.Evaluation", method)


def show_rubrics(rubric_list, args):
    """Each rubric: a line with its total and award tiers, then its items with their caps."""
    if args.json:
        return to_json(rubric_list)
    lines = []
    for rubric in rubric_list.rubrics:
        tiers = ", ".join(f"{t.name} {t.share:.0%}" for t in rubric.tiers) or "none"
        lines += [f"{rubric.id} {rubric.title}: {number(rubric.total)} points; award tiers by share of the province's candidates: {tiers}",
                  *table([("item", "group", "name", "cap", "expert")]
                         + [(i.id, i.group, i.name, number(i.cap), "yes" if i.expert else "") for i in rubric.items], right=(3,)),
                  ""]
    lines.append("expert: experts enter the item's points, or a part of them (expert-score).")
    return "\n".join(lines)


def show_sheet(sheet, args):
    """The candidate's standing on a line, then each item: what was measured, its points of the cap, what its next points need."""
    if args.json:
        return to_json(sheet)
    tier = f", {sheet.tier}" if sheet.tier else ", no award tier"
    lines = [f"{sheet.teacher_id} {sheet.name} ({sheet.school_id}), {sheet.rubric_id} {sheet.year}: total {number(sheet.total)}, "
             f"rank {sheet.rank} of {sheet.candidates} in the province{tier}."]
    if sheet.HasField("registered_from"):
        start = sheet.registered_from.ToDatetime().replace(microsecond=0)
        lines.append(f"Registered; its figures count from {start.isoformat(sep=' ')} UTC.")
    rows = [("item", "name", "measured", "points", "missing to next")]
    rows += [(i.id, i.name, measured(i), f"{number(i.points)}/{number(i.cap)}", missing_to_next(i)) for i in sheet.items]
    rows.append(("total", "", "", number(sheet.total), ""))
    lines += ["", *table(rows, right=(3,))]
    return "\n".join(lines)


def measured(item):
    """Each part of an item: the count an event measure reached, or whether experts have entered theirs."""
    return ", ".join(("expert: entered" if p.entered else "expert: not entered") if p.expert
                     else f"{p.measured if p.HasField('measured') else '?'} {p.measure}" for p in item.parts)


def missing_to_next(item):
    if item.HasField("next"):
        return f"+{item.next.more} {item.next.measure}"
    # The service leaves it unset at the cap and where only experts can add points.
    return "at cap" if item.points >= item.cap else "experts only"


def show_evaluation_ranking(ranking, args):
    """A line on the region's candidates, then the page of them ranked."""
    if args.json:
        return to_json(ranking)
    entries = list(ranking.entries)
    headline = f"{ranking.rubric_id} {ranking.year} in {ranking.region_id}: {plural(ranking.total_candidates, 'candidate')}"
    if not entries:
        return headline + ("." if ranking.total_candidates == 0 else f"; none after the first {args.offset}.")
    if len(entries) < ranking.total_candidates:
        headline += f", {args.offset + 1} to {args.offset + len(entries)} shown"
    rows = [("rank", "province rank", "teacher", "name", "total", "tier")]
    rows += [(e.rank, e.province_rank, e.teacher_id, e.name, number(e.total), e.tier or "-") for e in entries]
    return "\n".join([headline + ".", "", *table(rows, right=(0, 1, 4))])


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def number(value):
    """Points as the rubrics write them: 3, 7.5, 9.25."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def from_dict(message_class, values):
    return json_format.ParseDict(values, message_class())


def parse_value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


if __name__ == "__main__":
    sys.exit(main())

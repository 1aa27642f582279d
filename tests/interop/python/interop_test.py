#!/usr/bin/python3
"""ZhijiangLive's gRPC server against grpcio, an independent implementation (gRPC's C core).

Runs every scenario against a running silo, prints one line per check and then exactly 'N passed, M failed',
and exits non-zero when anything failed. Ids carry a run tag, so it may run again against the same silo.
The silo must be started with the limits given here (--max-message-size, --max-batch-events).
"""

import argparse
import os
import sys
import threading
import uuid
from datetime import datetime, timezone

import grpc

from interop_harness import CALL_TIMEOUT, V1, Client, Report, eventually, rejections, serving_status


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--target", default="localhost:5081", help="the silo's gRPC endpoint, host:port")
    p.add_argument("--now", help="the silo's clock, ISO 8601 (default: this machine's); events occur then")
    p.add_argument("--max-message-size", type=int, default=4 * 1024 * 1024, help="the silo's Zhijiang:Grpc:MaxMessageSize")
    p.add_argument("--max-batch-events", type=int, default=10_000, help="the silo's Zhijiang:Grpc:MaxBatchEvents")
    p.add_argument("--tag", default=uuid.uuid4().hex[:8], help="prefix of every id this run creates")
    p.add_argument("--key", default=os.environ.get("ZHIJIANG_KEY"),
                   help="the platform API key, for Ingest and Roster (default: $ZHIJIANG_KEY)")
    p.add_argument("--token", default=os.environ.get("ZHIJIANG_TOKEN"),
                   help="a bureau token for the run's province, <tag>-330000, for Query (default: $ZHIJIANG_TOKEN)")
    p.add_argument("--county-token", help="a bureau token for the run's county <tag>-330108, for the access checks")
    args = p.parse_args()
    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else datetime.now(timezone.utc)

    report = Report()
    with grpc.insecure_channel(args.target) as channel:
        client = Client(channel, args.tag, now, key=args.key, token=args.token)
        scenarios = (health, roster, publish_unary, publish_stream, teacher_scores, region_and_leaderboard,
                     unknown_methods, message_sizes, concurrent_calls, distant_deadline, deadline, cancelled_stream,
                     oversize_batch, gzip_request, access, evaluation)
        for scenario in scenarios:
            try:
                scenario(client, report, args)
            except Exception as e:  # a scenario that breaks off is one failure; the others still run
                report.fail(f"{scenario.__name__} broke off", f"{type(e).__name__}: {e}")
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


def health(c, report, _):
    check = c.method("grpc.health.v1.Health", "Check")
    request = c.contract.message("grpc.health.v1.HealthCheckRequest")
    report.equal("Health.Check '' is SERVING", "SERVING", serving_status(check(request(service=""), timeout=CALL_TIMEOUT)))
    report.equal("Health.Check of Ingest is SERVING", "SERVING",
                 serving_status(check(request(service=f"{V1}.Ingest"), timeout=CALL_TIMEOUT)))
    report.status("Health.Check of an unknown service is NOT_FOUND", grpc.StatusCode.NOT_FOUND,
                  lambda: check(request(service="no.such.Service"), timeout=CALL_TIMEOUT))
    watch = c.method("grpc.health.v1.Health", "Watch")
    for service, expected in (("", "SERVING"), ("no.such.Service", "SERVICE_UNKNOWN")):
        replies = watch(request(service=service), timeout=CALL_TIMEOUT)
        report.equal(f"Health.Watch '{service}' first says {expected}", expected, serving_status(next(replies)))
        replies.cancel()


def roster(c, report, _):
    batch = c.message(f"{V1}.RosterBatch", {
        "regions": [
            {"id": c.id("330000"), "name": "浙江省", "level": "REGION_LEVEL_PROVINCE"},
            {"id": c.id("330100"), "name": "杭州市", "level": "REGION_LEVEL_CITY", "parent_id": c.id("330000")},
            {"id": c.id("330106"), "name": "西湖区", "level": "REGION_LEVEL_COUNTY", "parent_id": c.id("330100")},
            {"id": c.id("330108"), "name": "滨江区", "level": "REGION_LEVEL_COUNTY", "parent_id": c.id("330100")},
        ],
        "schools": [
            {"id": c.id("S1"), "name": "学军中学", "county_id": c.id("330106")},
            {"id": c.id("S404"), "name": "无名学校", "county_id": c.id("999999")},
            {"id": c.id("S2"), "name": "江南实验学校", "county_id": c.id("330108")},
        ],
        "teachers": [
            {"id": c.id("T1"), "name": "张老师", "school_id": c.id("S1"), "subject": "数学"},
            {"id": c.id("T2"), "name": "李老师", "school_id": c.id("S1"), "subject": "语文"},
            {"id": c.id("T3"), "name": "赵老师", "school_id": c.id("S2"), "subject": "英语"},
        ],
    })
    reply = c.method(f"{V1}.Roster", "Upsert")(batch, timeout=CALL_TIMEOUT)
    report.equal("Roster.Upsert counts regions, schools, teachers", (4, 2, 3), (reply.regions, reply.schools, reply.teachers))
    report.equal("Roster.Upsert rejects a school under an unknown county",
                 [(1, c.id("S404"), "INVALID_SCHOOL")], rejections(reply))
    report.check("the rejection says which county is unknown",
                 len(reply.rejections) == 1 and c.id("999999") in reply.rejections[0].detail, str(reply.rejections))


def publish_unary(c, report, _):
    request = c.batch(
        c.event("T1", "login"),
        c.event("T1", "teaching_session", {"session_id": c.id("s1"), "duration_seconds": 2400}),
        c.event("T1", "teaching_session", {"session_id": c.id("s2"), "duration_seconds": 2400}),
        c.event("T1", "mobile_operation", {"kind": "view"}, client="CLIENT_MOBILE"),
        c.event("nobody", "login"),
    )
    unknown = [(4, request.events[4].event_id, "UNKNOWN_TEACHER")]
    first = c.publish(request)
    report.equal("Publish accepts the good events", (4, 0), (first.accepted, first.duplicates))
    report.equal("Publish rejects an unknown teacher by index", unknown, rejections(first))
    again = c.publish(request)
    report.equal("Publish of the same batch again: all duplicates", (0, 4), (again.accepted, again.duplicates))
    report.equal("the unknown teacher is rejected again, not a duplicate", unknown, rejections(again))


def publish_stream(c, report, _):
    requests = [
        c.batch(c.event("T2", "login")),
        c.batch(c.event("T2", "teaching_session", {"session_id": c.id("s3")}),
                c.event("T2", "app_usage", {"app_id": "weike"}),
                c.event("T2", "mobile_operation", {"kind": "share"})),
        c.batch(c.event("T2", "mobile_operation", {"kind": "view"})),
    ]
    stream = c.method(f"{V1}.Ingest", "PublishStream")
    replies = list(stream(iter(requests), timeout=CALL_TIMEOUT))
    report.equal("PublishStream answers each request in order", [1, 3, 1], [r.accepted for r in replies])

    retried = [c.batch(requests[0].events[0], c.event("T2", "mobile_operation", {"kind": "view"})),
               c.batch(*requests[1].events)]
    replies = list(stream(iter(retried), timeout=CALL_TIMEOUT))
    report.equal("a second stream finds the first stream's events duplicates",
                 [(1, 1), (0, 3)], [(r.accepted, r.duplicates) for r in replies])


def teacher_scores(c, report, _):
    t1 = c.get("GetTeacher", c.id("T1"))
    report.equal("GetTeacher: the name round-trips", "张老师", t1.name)
    report.equal("GetTeacher: day, month, year", (12, 12, 12), (t1.day, t1.month, t1.year))
    report.equal("GetTeacher: day by rule (login 1, two sessions 10, mobile 1)",
                 {"login": 1, "teaching": 10, "mobile_op": 1}, {k: v for k, v in t1.day_by_rule.items() if v})
    report.equal("GetTeacher: streak and active day", (1, True), (t1.login_streak, t1.active_day))
    t2 = c.get("GetTeacher", c.id("T2"))
    report.equal("GetTeacher: streamed events scored under their caps (mobile 2 a day)",
                 (10, {"login": 1, "teaching": 5, "app": 2, "mobile_op": 2}),
                 (t2.day, {k: v for k, v in t2.day_by_rule.items() if v}))
    report.status("GetTeacher of an unknown id is PERMISSION_DENIED, the detail intact", grpc.StatusCode.PERMISSION_DENIED,
                  lambda: c.get("GetTeacher", "无此人"), "'无此人' is outside this token's region")


def region_and_leaderboard(c, report, _):
    county = eventually(lambda: c.get("GetRegion", c.id("330106")), lambda r: r.day.total == 22)
    report.equal("GetRegion: name, teachers, schools", ("西湖区", 2, 1), (county.name, county.teachers, county.schools))
    report.equal("GetRegion: day total, mean, active ratio", (22, 11.0, 1.0),
                 (county.day.total, county.day.mean, county.day.active_ratio))
    report.equal("GetSchool: the name round-trips", "学军中学", c.get("GetSchool", c.id("S1")).name)
    board = eventually(lambda: c.leaderboard(c.id("330106"), "teachers"), lambda b: b.total == 2)
    report.equal("GetLeaderboard: teachers ranked with names",
                 [(1, c.id("T1"), "张老师", 12.0), (2, c.id("T2"), "李老师", 10.0)],
                 [(e.rank, e.id, e.name, e.score) for e in board.entries])
    report.status("GetLeaderboard of an unknown kind is INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT,
                  lambda: c.leaderboard(c.id("330106"), "cities"), "kind 'cities'")


def unknown_methods(c, report, _):
    def raw(path):
        return lambda: c.channel.unary_unary(path)(b"", timeout=CALL_TIMEOUT)
    report.status("an unknown method is UNIMPLEMENTED", grpc.StatusCode.UNIMPLEMENTED,
                  raw(f"/{V1}.Query/NoSuchMethod"), "Method is unimplemented")
    report.status("an unknown service is UNIMPLEMENTED", grpc.StatusCode.UNIMPLEMENTED,
                  raw(f"/{V1}.NoSuchService/Get"), "Service is unimplemented")


def message_sizes(c, report, args):
    near_limit = "x" * (args.max_message_size - 1024)
    report.equal("a message just under the size limit is read across DATA frames", 1,
                 c.publish(c.batch(c.event("T3", "mobile_operation", {"kind": near_limit}))).accepted)
    padding = "x" * (args.max_message_size + 36 * 1024)
    report.status("a message over the size limit is RESOURCE_EXHAUSTED", grpc.StatusCode.RESOURCE_EXHAUSTED,
                  lambda: c.publish(c.batch(c.event("T3", "mobile_operation", {"kind": padding}))))
    report.equal("the server serves on after it", 1, c.publish(c.batch(c.event("T3", "login"))).accepted)


def concurrent_calls(c, report, _):
    publish = c.method(f"{V1}.Ingest", "Publish")
    calls = [publish.future(c.batch(c.event("T3", "mobile_operation", {"kind": "view"})), timeout=CALL_TIMEOUT)
             for _ in range(32)]
    report.equal("32 concurrent calls on one connection are each answered", [1] * 32, [f.result().accepted for f in calls])


def distant_deadline(c, report, _):
    check = c.method("grpc.health.v1.Health", "Check")
    request = c.contract.message("grpc.health.v1.HealthCheckRequest")()
    report.equal("a call with a deadline 100 days away is served", "SERVING",
                 serving_status(check(request, timeout=100 * 86400)))


def deadline(c, report, _):
    done = threading.Event()

    def requests():
        yield c.batch(c.event("T3", "app_usage", {"app_id": "weike"}))
        done.wait(CALL_TIMEOUT)  # the stream stays open past its deadline

    replies = c.method(f"{V1}.Ingest", "PublishStream")(requests(), timeout=1.0)
    try:
        report.equal("a stream is answered before its deadline", 1, next(replies).accepted)
        report.status("a stream open past its deadline is DEADLINE_EXCEEDED", grpc.StatusCode.DEADLINE_EXCEEDED,
                      lambda: next(replies))
    finally:
        done.set()


def cancelled_stream(c, report, _):
    done = threading.Event()

    def requests():
        yield c.batch(c.event("T3", "app_usage", {"app_id": "base-school"}))
        done.wait(CALL_TIMEOUT)

    replies = c.method(f"{V1}.Ingest", "PublishStream")(requests(), timeout=CALL_TIMEOUT)
    try:
        report.equal("a stream is answered before it is cancelled", 1, next(replies).accepted)
        replies.cancel()
        report.status("the client sees its cancelled stream CANCELLED", grpc.StatusCode.CANCELLED, lambda: next(replies))
    finally:
        done.set()
    report.equal("the server serves on after a cancelled stream", 1,
                 c.publish(c.batch(c.event("T3", "interaction", {"counterpart_id": "学生甲"}))).accepted)


def oversize_batch(c, report, args):
    limit = args.max_batch_events
    too_many = c.batch(*(c.event("T3", "login") for _ in range(limit + 1)))
    report.status(f"a batch of {limit + 1} events is INVALID_ARGUMENT naming the limit",
                  grpc.StatusCode.INVALID_ARGUMENT, lambda: c.publish(too_many), f"at most {limit} events")

    replies = c.method(f"{V1}.Ingest", "PublishStream")(iter([c.batch(c.event("T3", "login")), too_many]),
                                                        timeout=CALL_TIMEOUT)
    report.equal("a stream answers the batches before an invalid one", 1, next(replies).accepted)
    report.status("then ends INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT, lambda: next(replies),
                  f"at most {limit} events")


def gzip_request(c, report, args):
    events = [c.event("T3", "resource_spread", {"resource_id": c.id("r1"), "user_id": f"用户{i}", "action": "download"})
              for i in range(40)]
    reply = c.publish(c.batch(*events), compression=grpc.Compression.Gzip)
    report.equal("a gzip-compressed request is read", (40, 0, []), (reply.accepted, reply.duplicates, rejections(reply)))
    inflating = c.batch(c.event("T3", "mobile_operation", {"kind": "x" * (args.max_message_size + 36 * 1024)}))
    report.status("a gzip message that inflates past the size limit is RESOURCE_EXHAUSTED",
                  grpc.StatusCode.RESOURCE_EXHAUSTED, lambda: c.publish(inflating, compression=grpc.Compression.Gzip))
    deflated = c.publish(c.batch(c.event("T3", "login")), compression=grpc.Compression.Deflate)
    report.equal("a deflate-compressed request is read", 1, deflated.accepted)


def access(c, report, args):
    """Who may call what: credentials checked before anything is read, and a county token held to its county."""
    publish = lambda **how: c.method(f"{V1}.Ingest", "Publish", **how)(c.batch(c.event("T3", "login")),  # noqa: E731
                                                                       timeout=CALL_TIMEOUT)
    request = c.contract.message(f"{V1}.GetRequest")
    teacher = lambda who, **how: c.method(f"{V1}.Query", "GetTeacher", **how)(  # noqa: E731
        request(id=c.id(who), date=c.today), timeout=CALL_TIMEOUT)
    report.status("Publish without credentials is UNAUTHENTICATED", grpc.StatusCode.UNAUTHENTICATED,
                  lambda: publish(anonymous=True), "no credentials")
    report.status("GetTeacher without credentials is UNAUTHENTICATED", grpc.StatusCode.UNAUTHENTICATED,
                  lambda: teacher("T3", anonymous=True))
    report.status("Publish with a wrong key is UNAUTHENTICATED", grpc.StatusCode.UNAUTHENTICATED,
                  lambda: publish(credential="zlk_not-a-key"), "not valid")
    report.status("Publish with a bureau token is PERMISSION_DENIED", grpc.StatusCode.PERMISSION_DENIED,
                  lambda: publish(credential=args.token or "zlt1.missing"))
    report.status("GetTeacher with the platform key is PERMISSION_DENIED", grpc.StatusCode.PERMISSION_DENIED,
                  lambda: teacher("T3", credential=args.key or "zlk_missing"))
    if not args.county_token:
        report.fail("a county token reads its own county", "run with --county-token (a token for <tag>-330108)")
        return
    report.equal("a county token reads its own county's teacher", "赵老师",
                 teacher("T3", credential=args.county_token).name)
    report.status("a county token reading the neighbour county's teacher is PERMISSION_DENIED",
                  grpc.StatusCode.PERMISSION_DENIED, lambda: teacher("T1", credential=args.county_token),
                  "is outside this token's region")
    report.status("and an unknown id gets the same answer", grpc.StatusCode.PERMISSION_DENIED,
                  lambda: teacher("nobody", credential=args.county_token), "is outside this token's region")


def evaluation(c, report, args):
    """A candidate registered, scored by experts and read back as a sheet; a county token held to its county."""
    rubric, year = "guizhou-2021", int(c.today[:4])
    candidate = {"rubric_id": rubric, "year": year, "teacher_id": c.id("T1")}
    # Counting from the run's now, not the silo's later one, so that the run's events count.
    registered = c.evaluation("Register", "RegisterRequest", {"candidates": [{**candidate, "from": c.timestamp()}]})
    report.equal("Evaluation.Register takes the candidate", (1, []), (registered.candidates, rejections(registered)))
    report.equal("an event after registration is accepted", 1,
                 c.publish(c.batch(c.event("T1", "interaction", {"counterpart_id": "家长甲", "kind": "home_school"}))).accepted)
    scored = c.evaluation("ScoreExpert", "ScoreExpertRequest",
                          {"scores": [{**candidate, "item_id": "typical_case", "points": 7.5}]})
    report.equal("Evaluation.ScoreExpert takes the points", (1, []), (scored.expert_scores, rejections(scored)))

    sheet = c.evaluation("GetSheet", "SheetRequest", candidate)
    items = {i.id: i for i in sheet.items}
    report.equal("GetSheet: the name round-trips", "张老师", sheet.name)
    report.check("GetSheet: a rank among the candidates", 1 <= sheet.rank <= sheet.candidates, f"{sheet.rank} of {sheet.candidates}")
    report.equal("GetSheet: the expert points, entered", (7.5, True),
                 (items["typical_case"].points, items["typical_case"].parts[0].entered))
    report.equal("GetSheet: the home-school interaction measured and scored", (1, 1.0),
                 (items["home_school"].measured, items["home_school"].points))
    report.equal("GetSheet: the total is the items' points", sum(i.points for i in sheet.items), sheet.total)
    if not args.county_token:
        report.fail("a county token registers only its own teachers", "run with --county-token (a token for <tag>-330108)")
        return
    report.status("a county token registering the neighbour county's teacher is PERMISSION_DENIED",
                  grpc.StatusCode.PERMISSION_DENIED,
                  lambda: c.evaluation("Register", "RegisterRequest", {"candidates": [candidate]}, credential=args.county_token),
                  f"teacher '{c.id('T1')}' is outside this token's region")
    report.status("and reading that teacher's sheet is too", grpc.StatusCode.PERMISSION_DENIED,
                  lambda: c.evaluation("GetSheet", "SheetRequest", candidate, credential=args.county_token),
                  "is outside this token's region")


if __name__ == "__main__":
    sys.exit(main())

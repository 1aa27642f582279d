"""What the interop scenarios stand on: the report of checks, and a client of the contract at the silo's now."""

import sys
import time
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import grpc
from google.protobuf import json_format

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
from zhijiang_contract import Contract, with_credentials  # noqa: E402

V1 = "zhijiang.live.v1"
CALL_TIMEOUT = 10


class Report:
    """One line per check as it is made, and the counts for the closing line."""

    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.fail(name, detail)

    def fail(self, name, detail):
        self.failed += 1
        print(f"FAIL {name}: {detail}", flush=True)

    def equal(self, name, expected, actual):
        self.check(name, expected == actual, f"expected {expected!r}, got {actual!r}")

    def status(self, name, expected_code, call, detail_contains=""):
        """Runs call, which must fail with expected_code (and a detail containing detail_contains)."""
        try:
            call()
        except grpc.RpcError as e:
            self.check(name, e.code() == expected_code and detail_contains in (e.details() or ""),
                       f"expected {expected_code.name} with '{detail_contains}', got {e.code().name}: {e.details()}")
            return
        self.fail(name, f"expected {expected_code.name}, the call succeeded")


class Client:
    """The contract's messages and methods, the run's ids, and events at the silo's now."""

    def __init__(self, channel, tag, now, key=None, token=None):
        self.contract, self.tag, self.now = Contract(), tag, now
        # Ingest and Roster carry the platform key, Query and Evaluation the bureau token.
        self.bare, self.channel = channel, with_credentials(channel, key=key, token=token)
        self.today = now.astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
        self._events = 0

    def id(self, name):
        return f"{self.tag}-{name}"

    def message(self, name, values):
        return json_format.ParseDict(values, self.contract.message(name)())

    def method(self, service, name, credential=None, anonymous=False):
        """A method on the run's credentials; with another credential, or with none when anonymous."""
        if credential is None and not anonymous:
            return self.contract.method(self.channel, service, name)
        channel = with_credentials(self.bare, key=credential, token=credential)
        return self.contract.method(channel, service, name)

    def event(self, teacher, kind, body=None, client="CLIENT_PC"):
        self._events += 1
        return {
            "event_id": self.id(f"e{self._events}"),
            "teacher_id": self.id(teacher),
            "occurred_at": self.timestamp(),
            "client": client,
            kind: body or {},
        }

    def timestamp(self):
        """The run's now as the contract's JSON for a Timestamp."""
        return self.now.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")

    def batch(self, *events):
        """A PublishRequest of new events (dicts) and events sent before (messages)."""
        request = self.contract.message(f"{V1}.PublishRequest")()
        for event in events:
            if isinstance(event, dict):
                json_format.ParseDict(event, request.events.add())
            else:
                request.events.add().CopyFrom(event)
        return request

    def publish(self, request, **options):
        return self.method(f"{V1}.Ingest", "Publish")(request, timeout=CALL_TIMEOUT, **options)

    def get(self, method, id, **values):
        request = self.message(f"{V1}.GetRequest", {"id": id, "date": self.today, **values})
        return self.method(f"{V1}.Query", method)(request, timeout=CALL_TIMEOUT)

    def leaderboard(self, scope, kind):
        request = self.message(f"{V1}.LeaderboardRequest",
                               {"scope_id": scope, "kind": kind, "period": "PERIOD_DAY", "date": self.today, "limit": 10})
        return self.method(f"{V1}.Query", "GetLeaderboard")(request, timeout=CALL_TIMEOUT)


    def evaluation(self, method, request_type, values, credential=None):
        request = self.message(f"{V1}.{request_type}", values)
        return self.method(f"{V1}.Evaluation", method, credential=credential)(request, timeout=CALL_TIMEOUT)


def rejections(reply):
    return [(r.index, r.event_id, r.reason) for r in reply.rejections]


def serving_status(reply):
    return reply.DESCRIPTOR.fields_by_name["status"].enum_type.values_by_number[reply.status].name


def eventually(ask, settled, within=5.0):
    """Region figures and rankings follow a publish by messages between grains, so a client outside the
    silo cannot wait for them to settle; ask again, briefly, until they have."""
    give_up = time.monotonic() + within
    answer = ask()
    while not settled(answer) and time.monotonic() < give_up:
        time.sleep(0.02)
        answer = ask()
    return answer

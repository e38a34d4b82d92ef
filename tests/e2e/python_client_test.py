#!/usr/bin/python3
"""A Python client with the official protobuf package decodes every sandbox answer.

Starts the real trackenrich binary in sandbox mode on free ports, reads the
embedded sandbox's scenario list (every carrier's numbers, every order), and
calls TrackShipment, BatchTrackShipments, EnrichTicket, GetOrderTracking and
BatchGetOrderTracking for all of them through grpcio. Responses are taken as
raw bytes and decoded with the protoc-generated modules (Debian's
python3-protobuf): proto3 string fields that are not valid UTF-8 make that
decode raise, so one bad byte anywhere fails the test. Error statuses must
carry their message as text.

  python_client_test.py --binary build/services/trackenrich --python_out build/python
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

import grpc
from google.protobuf import __version__ as protobuf_version
from google.protobuf import text_format
from google.protobuf.message import DecodeError


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--python_out", required=True, help="protoc --python_out directory")
    return parser.parse_args()


class Server:
    """The real binary in sandbox mode, on ports the kernel picks."""

    def __init__(self, binary):
        self.work = tempfile.TemporaryDirectory()
        self.out_path = os.path.join(self.work.name, "server.out")
        self.log_path = os.path.join(self.work.name, "server.log")
        with open(self.out_path, "wb") as out, open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [binary, "--grpc_listen=127.0.0.1:0", "--admin_listen=127.0.0.1:0"],
                stdin=subprocess.DEVNULL, stdout=out, stderr=log)
        deadline = time.time() + 30
        self.grpc_port = self.sandbox_url = None
        while time.time() < deadline and (self.grpc_port is None or self.sandbox_url is None):
            if self.process.poll() is not None:
                self.fail("the server exited early")
            with open(self.out_path, encoding="utf-8", errors="replace") as out:
                found = re.search(r"listening: grpc=(\d+) admin=(\d+)", out.read())
                if found:
                    self.grpc_port = int(found.group(1))
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                found = re.search(r"built-in sandbox at (http://127\.0\.0\.1:\d+)", log.read())
                if found:
                    self.sandbox_url = found.group(1)
            time.sleep(0.1)
        if self.grpc_port is None or self.sandbox_url is None:
            self.fail("the server did not announce its ports and sandbox")

    def fail(self, why):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            sys.stderr.write(log.read()[-4000:])
        self.stop()
        raise SystemExit(f"FAIL: {why}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Client:
    """Calls a method and returns the raw response bytes, or the RpcError."""

    def __init__(self, channel):
        self.channel = channel
        self.calls = 0

    def call(self, method, request):
        stub = self.channel.unary_unary(
            f"/trackenrich.v1.TrackingService/{method}",
            request_serializer=lambda message: message.SerializeToString(),
            response_deserializer=None)
        self.calls += 1
        try:
            return stub(request, timeout=15), None
        except grpc.RpcError as error:
            return None, error


def main():
    args = parse_args()
    sys.path.insert(0, args.python_out)
    from trackenrich.v1 import order_pb2, shipment_pb2, tracking_service_pb2 as ts

    failures = []

    def decode(kind, raw, what):
        """Decodes strictly; returns the message or records the failure."""
        try:
            return kind.FromString(raw)
        except DecodeError as error:
            failures.append(f"{what}: {kind.DESCRIPTOR.name} does not decode: {error}")
            return None

    def check_error(error, what):
        details = error.details()
        try:
            if not isinstance(details, str) or not details:
                raise ValueError
            details.encode("utf-8")  # lone surrogates from a bad byte would raise
        except (ValueError, UnicodeError):
            failures.append(f"{what}: status details are not UTF-8 text: {details!r}")

    # The decode is strict: a proto3 string with a byte that is not UTF-8 fails.
    bad = ts.TrackShipmentResponse(
        shipment=shipment_pb2.Shipment(tracking_number="X")).SerializeToString()
    bad = bad.replace(b"X", b"\xfc")
    try:
        ts.TrackShipmentResponse.FromString(bad)
        raise SystemExit("FAIL: the protobuf package accepted invalid UTF-8; the check would be void")
    except DecodeError:
        pass

    server = Server(args.binary)
    try:
        with urllib.request.urlopen(f"{server.sandbox_url}/__sandbox/scenarios", timeout=10) as reply:
            listed = json.load(reply)
        scenarios = listed["scenarios"]
        orders = listed["orders"]
        channel = grpc.insecure_channel(f"127.0.0.1:{server.grpc_port}")
        client = Client(channel)
        replacement_seen = False
        codes = {}

        def track(scenario):
            nonlocal replacement_seen
            number = scenario["tracking_number"]
            what = f"{scenario['carrier']} {scenario['scenario']} ({number})"
            request = ts.TrackShipmentRequest(shipment=ts.ShipmentRef(tracking_number=number))
            raw, error = client.call("TrackShipment", request)
            if error is not None:
                check_error(error, what)
                codes[what] = error.code().name
                if scenario["scenario"] == "not_found" and error.code() != grpc.StatusCode.NOT_FOUND:
                    failures.append(f"{what}: {error.code().name}, want NOT_FOUND")
            else:
                codes[what] = "OK"
                response = decode(ts.TrackShipmentResponse, raw, what)
                if response is not None:
                    replacement_seen |= "\ufffd" in text_format.MessageToString(response, as_utf8=True)
                    if response.shipment.tracking_number != number:
                        failures.append(f"{what}: answered for {response.shipment.tracking_number}")
            for language in ("de", "it"):
                enrich = ts.EnrichTicketRequest(
                    language=language, shipment=ts.ShipmentRef(tracking_number=number))
                raw, error = client.call("EnrichTicket", enrich)
                if error is not None:
                    failures.append(f"{what}: EnrichTicket {error.code().name}: {error.details()}")
                else:
                    decode(ts.EnrichTicketResponse, raw, f"{what} EnrichTicket {language}")

        # Scenarios whose upstream fails (503, a malformed body) go last: in sandbox
        # mode every upstream is the one sandbox address, so their failures open
        # the circuit breaker the other upstreams share.
        failing = {"unavailable", "malformed"}
        for scenario in scenarios:
            if scenario["scenario"] not in failing:
                track(scenario)

        order_refs = []
        for order in orders:
            # MCF orders ("amazon_mcf") were sold elsewhere: any other channel.
            channel_value = {"sp_api": order_pb2.SALES_CHANNEL_AMAZON,
                             "ebay": order_pb2.SALES_CHANNEL_EBAY}.get(
                                 order["source"], order_pb2.SALES_CHANNEL_SHOPIFY)
            ref = ts.OrderRef(order_id=order["order_id"], channel=channel_value,
                              marketplace_id=order.get("marketplace_id", ""))
            order_refs.append(ref)
            what = f"order {order['scenario']} ({order['order_id']})"
            raw, error = client.call("GetOrderTracking", ts.GetOrderTrackingRequest(order=ref))
            if error is not None:
                check_error(error, what)
                codes[what] = error.code().name
            else:
                codes[what] = "OK"
                response = decode(ts.GetOrderTrackingResponse, raw, what)
                if response is not None and response.order.order_id != order["order_id"]:
                    failures.append(f"{what}: answered for {response.order.order_id}")
            raw, error = client.call("EnrichTicket", ts.EnrichTicketRequest(language="fr", order=ref))
            if error is not None:
                failures.append(f"{what}: EnrichTicket {error.code().name}: {error.details()}")
            else:
                decode(ts.EnrichTicketResponse, raw, f"{what} EnrichTicket")

        raw, error = client.call("BatchGetOrderTracking", ts.BatchGetOrderTrackingRequest(
            requests=[ts.GetOrderTrackingRequest(order=ref) for ref in order_refs]))
        if error is not None:
            failures.append(f"BatchGetOrderTracking: {error.code().name}: {error.details()}")
        else:
            decode(ts.BatchGetOrderTrackingResponse, raw, "BatchGetOrderTracking")

        batch = ts.BatchTrackShipmentsRequest(requests=[
            ts.TrackShipmentRequest(shipment=ts.ShipmentRef(tracking_number=s["tracking_number"]))
            for s in scenarios[:100]])
        raw, error = client.call("BatchTrackShipments", batch)
        if error is not None:
            failures.append(f"BatchTrackShipments: {error.code().name}: {error.details()}")
        else:
            response = decode(ts.BatchTrackShipmentsResponse, raw, "BatchTrackShipments")
            if response is not None:
                if len(response.results) != len(batch.requests):
                    failures.append("BatchTrackShipments: a result is missing")
                errors = [r.error.message for r in response.results if r.HasField("error")]
                replacement_seen |= any("\ufffd" in message for message in errors)

        for scenario in scenarios:
            if scenario["scenario"] in failing:
                track(scenario)

        # The sandbox's ISO-8859-1 texts (DPD) came through, as U+FFFD.
        if not replacement_seen:
            failures.append("no answer carried U+FFFD: the invalid-text scenarios were not reached")
        if len(scenarios) < 40 or len(orders) < 8:
            failures.append(f"too few scenarios listed: {len(scenarios)} numbers, {len(orders)} orders")
        ok = sum(1 for code in codes.values() if code == "OK")
        print(f"{client.calls} calls: {len(scenarios)} numbers and {len(orders)} orders, "
              f"{ok} OK, {len(codes) - ok} error statuses; every response decoded with "
              f"protobuf {protobuf_version}")
        if server.process.poll() is not None:
            failures.append(f"the server exited during the run (status {server.process.returncode})")
    finally:
        server.stop()

    if failures:
        with open(server.log_path, encoding="utf-8", errors="replace") as log:
            warnings = [line for line in log if '"level":"warn"' in line or '"level":"error"' in line]
            sys.stderr.write("--- server warnings (first 10) ---\n" + "".join(warnings[:10]))
        for failure in failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

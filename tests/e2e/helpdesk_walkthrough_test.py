#!/usr/bin/python3
"""The README's help-desk walk-throughs, run as written against the real binary.

Reads README.md's "Help desks" section and:
  * runs each ```sh block with bash (the public-listener demo and the Zendesk /
    Freshdesk write-back demo), changing only what a shared test machine needs:
    the binary's path, free ports instead of 8443 and the default gRPC/admin
    ports, and a private directory instead of /tmp; then checks what the
    block printed (the card, the OpenAPI document, the recorded notes);
  * sends the Gorgias and Help Scout requests the README shows (the Help Scout
    one signed with a test secret, as Help Scout signs it) to the binary in
    sandbox mode and checks the answers against the README's.

  helpdesk_walkthrough_test.py --binary build/services/trackenrich --readme README.md
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def fail(message, log_path=None):
    print(f"FAIL: {message}", file=sys.stderr)
    if log_path and os.path.exists(log_path):
        with open(log_path, encoding="utf-8", errors="replace") as log:
            print("--- server log ---\n" + log.read()[-4000:], file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def helpdesk_section(readme):
    start = readme.index("## Help desks: the public HTTP listener")
    end = readme.index("\n## ", start + 1)
    return readme[start:end]


def blocks(text, language):
    return re.findall(r"```" + language + r"\n(.*?)```", text, re.S)


def subsection(section, heading):
    start = section.index(heading)
    end = section.find("\n### ", start + 1)
    return section[start:end if end >= 0 else len(section)]


def run_block(block, binary, work):
    """Runs one README shell block in its own process group; returns stdout."""
    port = free_port()
    script = block.replace("127.0.0.1:8443", f"127.0.0.1:{port}")
    script = script.replace("/tmp/", work + "/")
    script = re.sub(r"(^|\s)trackenrich\s",
                    rf"\1{binary} --grpc_listen=127.0.0.1:0 --admin_listen=127.0.0.1:0 ",
                    script, flags=re.M)
    # Files, not pipes: the server the block starts in the background keeps
    # its inherited stdout open after the block ends.
    out_path, err_path = os.path.join(work, "block.out"), os.path.join(work, "block.err")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        process = subprocess.Popen(["bash", "-c", "set -e\n" + script], cwd=work, stdout=out,
                                   stderr=err, start_new_session=True)
        try:
            process.wait(timeout=90)
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    with open(err_path, encoding="utf-8", errors="replace") as err:
        errors = err.read()
    if process.returncode != 0:
        fail(f"README block exited {process.returncode}:\n{script}\nstderr: {errors[-3000:]}",
             os.path.join(work, "server.log"))
    with open(out_path, encoding="utf-8", errors="replace") as out:
        return out.read()


class Server:
    """The real binary in sandbox mode with a public listener and `config`."""

    def __init__(self, binary, config, env):
        self.work = tempfile.TemporaryDirectory()
        self.port = free_port()
        config = dict(config, sandbox=True, public_http={"listen": f"127.0.0.1:{self.port}"})
        path = os.path.join(self.work.name, "config.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(config, out)
        self.log_path = os.path.join(self.work.name, "server.log")
        out_path = os.path.join(self.work.name, "server.out")
        with open(out_path, "wb") as out, open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [binary, f"--config={path}", "--grpc_listen=127.0.0.1:0",
                 "--admin_listen=127.0.0.1:0"],
                stdin=subprocess.DEVNULL, stdout=out, stderr=log, env=dict(os.environ, **env))
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                fail("the server exited early", self.log_path)
            with open(out_path, encoding="utf-8", errors="replace") as listening:
                if "listening:" in listening.read():
                    return
            time.sleep(0.05)
        fail("the server did not start", self.log_path)

    def post(self, path, headers, body):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}",
                                         data=body.encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.work.cleanup()


def http_request(block):
    """(headers, body) of a README ```http request block."""
    head, _, body = block.partition("\n\n")
    headers = {}
    for line in head.splitlines()[1:]:
        name, _, value = line.partition(":")
        headers[name.strip()] = value.strip()
    return headers, body.strip()


def check_gorgias(binary, section):
    text = subsection(section, "### Gorgias")
    request_block, answer_block = blocks(text, "http")[0], blocks(text, "json")[-1]
    headers, body = http_request(request_block)
    server = Server(binary, {}, {})
    try:
        status, answer = server.post("/integrations/gorgias", headers, body)
    finally:
        server.stop()
    if status != 200:
        fail(f"gorgias: HTTP {status}: {answer}")
    got = json.loads(answer)
    documented = re.findall(r'"(\w+)":("[^"]*"|true|false|\[)', answer_block)
    if len(documented) < 10:
        fail(f"gorgias: the README's answer lists only {len(documented)} fields")
    for key, value in documented:
        if key not in got:
            fail(f"gorgias: the answer lacks {key}, which the README shows: {answer}")
        if value.startswith('"') and "…" not in value and got[key] != json.loads(value):
            fail(f"gorgias: {key} is {got[key]!r}, the README shows {value}")
    print(f"gorgias: {len(documented)} documented fields present, status {got['status']!r}")


def check_helpscout(binary, section):
    text = subsection(section, "### Help Scout")
    headers, body = http_request(blocks(text, "http")[0])
    secret = "walkthrough-helpscout-secret"
    headers["X-HelpScout-Signature"] = base64.b64encode(
        hmac.new(secret.encode(), body.encode(), hashlib.sha1).digest()).decode()
    server = Server(binary, {"helpdesks": {"helpscout": {"secret_key": {"env": "HS_SECRET"}}}},
                    {"HS_SECRET": secret})
    try:
        status, answer = server.post("/integrations/helpscout", headers, body)
        headers["X-HelpScout-Signature"] = base64.b64encode(b"x" * 20).decode()
        refused, _ = server.post("/integrations/helpscout", headers, body)
    finally:
        server.stop()
    if status != 200:
        fail(f"helpscout: HTTP {status}: {answer}")
    html = json.loads(answer)["html"]
    for marker in ('class="te-card"', "113-5550001-0000001"):
        if marker not in html:
            fail(f"helpscout: the card lacks {marker}: {html[:500]}")
    if refused != 401:
        fail(f"helpscout: a wrong signature got HTTP {refused}, not 401")
    print(f"helpscout: card of {len(html)} bytes for the README's ticket; bad signature 401")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--readme", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with open(args.readme, encoding="utf-8") as readme:
        section = helpdesk_section(readme.read())
    shell_blocks = blocks(section, "sh")
    if len(shell_blocks) != 2:
        fail(f"expected the listener demo and the write-back demo, found {len(shell_blocks)} blocks")

    with tempfile.TemporaryDirectory() as work:
        demo = run_block(shell_blocks[0], binary, work)
    for marker in ('class="te-card"', 'lang="it"', '"swagger"'):
        if marker not in demo:
            fail(f"the listener demo's output lacks {marker}:\n{demo[:1000]}")
    print(f"listener demo: card and OpenAPI document ({len(demo)} bytes)")

    with tempfile.TemporaryDirectory() as work:
        output = run_block(shell_blocks[1], binary, work)
        log_path = os.path.join(work, "server.log")
        listed = output.rfind('{"notes"')
        if listed < 0:
            fail(f"the walk-through printed no notes:\n{output}", log_path)
        if output[:listed].count('"accepted":true') != 2:
            fail(f"the two webhooks were not both accepted:\n{output}", log_path)
        notes = json.loads(output[listed:])["notes"]
        by_desk = {note["desk"]: note for note in notes}
        if set(by_desk) != {"zendesk", "freshdesk"} or len(notes) != 2:
            fail(f"expected one Zendesk and one Freshdesk note, got {notes}", log_path)
        if by_desk["zendesk"]["ticket_id"] != "35436" or not by_desk["zendesk"]["private"]:
            fail(f"zendesk note: {by_desk['zendesk']}", log_path)
        if "trackenrich_exception" not in by_desk["zendesk"]["tags"]:
            fail(f"zendesk note has no trackenrich_exception tag: {by_desk['zendesk']}", log_path)
        if by_desk["freshdesk"]["ticket_id"] != "1042" or not by_desk["freshdesk"]["private"]:
            fail(f"freshdesk note: {by_desk['freshdesk']}", log_path)
    print("write-back demo: 1 Zendesk note (tagged), 1 Freshdesk note")

    check_gorgias(binary, section)
    check_helpscout(binary, section)
    print("PASS")


if __name__ == "__main__":
    main()

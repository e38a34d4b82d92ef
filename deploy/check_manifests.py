#!/usr/bin/python3
"""Checks that deploy/ describes the service that really exists.

No container engine or cluster runs on the build machines, so this is the
deploy folder's CI:

  * every YAML file under deploy/ parses;
  * the Kubernetes ConfigMap's config.json, with the Deployment's args and
    environment, and the compose service's config with its command and
    environment, pass `trackenrich --check_config` (the real binary), so a key
    the service does not have fails here; so do the Dockerfile's CMD flags;
  * every containerPort, probe port, Service targetPort, EXPOSE and published
    compose port is a port the effective config really listens on, on an
    address reachable from outside the container;
  * every HTTP probe or health-check path answers 200 on the admin port of a
    real service started for the check; the Docker health-check script too;
  * secret references resolve: {"env": NAME} is set by the Deployment,
    {"file": PATH} lies in a mounted Secret that has that key, and the Secret
    template holds placeholders only;
  * redis.address and the carriers' base URLs name Services (compose
    services) and their ports;
  * the HPA, PDB and Services select the Deployment's pods, the kustomization
    lists every manifest, and terminationGracePeriodSeconds covers preStop
    plus --shutdown_grace;
  * the Dockerfile's runtime packages provide every library the binary links.

  check_manifests.py --binary build/services/trackenrich [--deploy-dir deploy]
  check_manifests.py --binary ... --self-test   # each deliberate break must fail

Exit status 0 when everything holds; otherwise every problem is printed.
"""

import argparse
import functools
import ipaddress
import json
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

ENV_PREFIX = "TRACKENRICH__"


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, message):
        self.items.append(f"{where}: {message}")


# ---------------------------------------------------------------- helpers


def load_yaml_files(deploy_dir, problems):
    """Every YAML file under deploy_dir: {relative path: [documents]}."""
    documents = {}
    for root, dirs, files in os.walk(deploy_dir):
        dirs[:] = [d for d in dirs if d != "node_modules"]
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(root, name)
            relative = os.path.relpath(path, deploy_dir)
            try:
                with open(path, encoding="utf-8") as file:
                    documents[relative] = [d for d in yaml.safe_load_all(file) if d is not None]
            except yaml.YAMLError as error:
                problems.add(relative, f"does not parse as YAML: {error}")
    return documents


def listen_port(address):
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


def is_loopback(host):
    """True for an address only reachable from inside the container."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def secret_references(value, path=""):
    """Yields (key path, "env" or "file", name) for every secret reference."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("env", "file"):
            kind = next(iter(value))
            if isinstance(value[kind], str):
                yield path, kind, value[kind]
                return
        for key, item in value.items():
            yield from secret_references(item, f"{path}.{key}" if path else key)


def env_name_for(key_path):
    return ENV_PREFIX + "__".join(part.upper() for part in key_path.split("."))


def check_config(binary, config_text, args, env, where, problems, workdir):
    """Runs `binary --check_config` on config_text (None: zero config) with the
    given other args and environment. Secret references get placeholder
    values: {"env": NAME} variables are set unless given, {"file": PATH} keys
    are pointed at placeholder files through TRACKENRICH__ overrides. Returns
    the effective config (dict) or None."""
    env = dict(env)
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    placeholders = []
    argv = [binary, "--check_config"] + list(args)
    if config_text is not None:
        try:
            document = json.loads(config_text)
        except json.JSONDecodeError as error:
            problems.add(where, f"config is not valid JSON: {error}")
            return None
        config_path = os.path.join(workdir, f"config-{len(os.listdir(workdir))}.json")
        with open(config_path, "w", encoding="utf-8") as file:
            file.write(config_text)
        argv.append(f"--config={config_path}")
        for key, kind, name in secret_references(document):
            value = f"placeholder-{len(placeholders)}-{key}"
            placeholders.append(value)
            if kind == "env":
                env.setdefault(name, value)
            elif env_name_for(key) not in env:
                secret_path = os.path.join(workdir, f"secret-{len(placeholders)}")
                with open(secret_path, "w", encoding="utf-8") as file:
                    file.write(value)
                env[env_name_for(key)] = json.dumps({"file": secret_path})
    run_env.update(env)
    result = subprocess.run(argv, env=run_env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        problems.add(where, f"trackenrich --check_config fails: {result.stderr.strip()}")
        return None
    for value in placeholders + [v for v in env.values() if v.startswith("placeholder-")]:
        if value in result.stdout or value in result.stderr:
            problems.add(where, "trackenrich --check_config printed a secret's value")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        problems.add(where, f"--check_config printed no JSON: {error}")
        return None


class LiveService:
    """The real binary in zero config on free loopback ports, for checking
    that probe paths exist on the admin server."""

    def __init__(self, binary):
        self.binary = binary
        self.process = None
        self.admin_port = None
        self.cache = {}

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--grpc_listen=127.0.0.1:0", "--admin_listen=127.0.0.1:0",
             "--log_level=warn"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [],
                                        max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"grpc=(\d+) admin=(\d+)", line)
            if match:
                self.admin_port = int(match.group(2))
                return
        raise RuntimeError("trackenrich did not start for the probe check")

    def status(self, path):
        """HTTP status of GET path on the admin port (waits up to 10 s while the
        service is not answering yet)."""
        if path in self.cache:
            return self.cache[path]
        if self.process is None:
            self.start()
        status = None
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.admin_port}{path}", timeout=5) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = None
            # Only "not up yet" (no answer, 503 while starting) is worth waiting for.
            if status not in (None, 503) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.cache[path] = status
        return status

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def parse_duration_seconds(text):
    """Seconds in a Go/absl-style duration such as "20s", "1m30s", "500ms"."""
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 1e-6, "ns": 1e-9}
    total = 0.0
    for number, unit in re.findall(r"([0-9.]+)(ms|us|ns|h|m|s)", text):
        total += float(number) * units[unit]
    return total


def flag_value(args, flag):
    for arg in args:
        if arg.startswith(f"--{flag}="):
            return arg.split("=", 1)[1]
    return None


def check_probe_path(live, path, where, problems):
    status = live.status(path)
    if status != 200:
        problems.add(where, f"GET {path} on the admin port answers {status}, not 200")


# ------------------------------------------------------------- kubernetes


def by_kind(documents, kind):
    return [(f, d) for f, docs in documents.items() for d in docs
            if isinstance(d, dict) and d.get("kind") == kind]


def selects(selector, labels):
    match = selector.get("matchLabels", selector) if isinstance(selector, dict) else {}
    return bool(match) and all(labels.get(k) == v for k, v in match.items())


def resolve_port(port, container):
    """A probe or targetPort (number or name) as a container port number."""
    if isinstance(port, int):
        return port
    if isinstance(port, str) and port.isdigit():
        return int(port)
    for entry in container.get("ports", []):
        if entry.get("name") == port:
            return entry.get("containerPort")
    return None


def mounted_file(path, container, volumes):
    """(volume, key within it) for a file path under one of the container's
    mounts, or (None, None)."""
    best = None
    for mount in container.get("volumeMounts", []):
        mount_path = mount["mountPath"].rstrip("/")
        if path.startswith(mount_path + "/") and (best is None or
                                                  len(mount_path) > len(best[0])):
            best = (mount_path, mount)
    if best is None:
        return None, None
    relative = path[len(best[0]) + 1:]
    if "subPath" in best[1]:
        relative = best[1]["subPath"] + "/" + relative
    return volumes.get(best[1]["name"]), relative


def volume_key(volume, relative):
    """The key of a ConfigMap/Secret volume that appears at `relative`."""
    source = volume.get("configMap") or volume.get("secret") or {}
    items = source.get("items")
    if items is None:
        return relative
    for item in items:
        if item.get("path") == relative:
            return item.get("key")
    return None


def check_kubernetes(deploy_dir, documents, binary, live, problems, workdir):
    k8s = {f: d for f, d in documents.items() if f.startswith("k8s" + os.sep)}
    where_dir = "k8s"
    deployments = by_kind(k8s, "Deployment")
    service_deployments = [(f, d) for f, d in deployments
                           if any(c.get("name") == "trackenrich" for c in
                                  d["spec"]["template"]["spec"].get("containers", []))]
    if not service_deployments:
        problems.add(where_dir, "no Deployment with a container named trackenrich")
        return
    config_maps = {d["metadata"]["name"]: d for _, d in by_kind(k8s, "ConfigMap")}
    secrets = {d["metadata"]["name"]: d for _, d in by_kind(k8s, "Secret")}
    services = by_kind(k8s, "Service")
    workloads = deployments + by_kind(k8s, "StatefulSet")

    for secret_file, secret in by_kind(k8s, "Secret"):
        values = dict(secret.get("stringData") or {})
        values.update(secret.get("data") or {})
        for key, value in values.items():
            if not re.fullmatch(r"<[^<>]*>", str(value)):
                problems.add(secret_file, f"Secret key {key} holds a value; a template holds "
                                          "placeholders such as \"<UPS client secret>\" only")

    for file, deployment in service_deployments:
        where = f"{file} Deployment {deployment['metadata']['name']}"
        pod = deployment["spec"]["template"]["spec"]
        pod_labels = deployment["spec"]["template"]["metadata"].get("labels", {})
        if not selects(deployment["spec"].get("selector", {}), pod_labels):
            problems.add(where, "selector does not match the pod template's labels")
        container = next(c for c in pod["containers"] if c.get("name") == "trackenrich")
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        args = list(container.get("command", [])[1:]) + list(container.get("args", []))

        security = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
        if not security.get("runAsNonRoot") or security.get("runAsUser", 1) == 0:
            problems.add(where, "must run as non-root (runAsNonRoot, a non-zero runAsUser)")
        resources = container.get("resources", {})
        for part in ("requests", "limits"):
            if "memory" not in resources.get(part, {}):
                problems.add(where, f"resources.{part}.memory is missing")
        if "cpu" not in resources.get("requests", {}):
            problems.add(where, "resources.requests.cpu is missing")

        # The config: --config=PATH from a mounted ConfigMap.
        config_flag = flag_value(args, "config")
        config_text = None
        if config_flag is None:
            problems.add(where, "no --config argument")
        else:
            volume, relative = mounted_file(config_flag, container, volumes)
            if volume is None or "configMap" not in volume:
                problems.add(where, f"--config={config_flag} is not in a mounted ConfigMap")
            else:
                key = volume_key(volume, relative)
                config_map = config_maps.get(volume["configMap"]["name"])
                if config_map is None:
                    problems.add(where, f"ConfigMap {volume['configMap']['name']} is not in "
                                        "the manifests")
                elif key not in (config_map.get("data") or {}):
                    problems.add(where, f"ConfigMap {config_map['metadata']['name']} has no "
                                        f"key {key} for --config={config_flag}")
                else:
                    config_text = config_map["data"][key]
        if config_text is None:
            continue

        # Environment: literal values are passed on; values from Secrets get placeholders.
        env = {}
        for entry in container.get("env", []):
            if "value" in entry:
                env[entry["name"]] = str(entry["value"])
                continue
            ref = (entry.get("valueFrom") or {}).get("secretKeyRef")
            if ref is not None:
                secret = secrets.get(ref.get("name"))
                if secret is None:
                    problems.add(where, f"env {entry['name']}: Secret {ref.get('name')} has no "
                                        "template in the manifests")
                elif ref.get("key") not in {**(secret.get("stringData") or {}),
                                            **(secret.get("data") or {})}:
                    problems.add(where, f"env {entry['name']}: Secret {ref.get('name')} has "
                                        f"no key {ref.get('key')}")
                env[entry["name"]] = f"placeholder-env-{entry['name']}"
            elif entry.get("valueFrom"):
                env[entry["name"]] = "placeholder"

        try:
            document = json.loads(config_text)
        except json.JSONDecodeError as error:
            problems.add(where, f"ConfigMap config is not valid JSON: {error}")
            continue
        for key, kind, name in secret_references(document):
            if kind == "env" and name not in env:
                problems.add(where, f"config key {key} reads environment variable {name}, "
                                    "which the container does not set")
            if kind == "file":
                volume, relative = mounted_file(name, container, volumes)
                if volume is None or "secret" not in volume:
                    problems.add(where, f"config key {key} reads {name}, which is not in a "
                                        "mounted Secret")
                    continue
                secret_key = volume_key(volume, relative)
                secret = secrets.get(volume["secret"].get("secretName"))
                if secret is None:
                    problems.add(where, f"Secret {volume['secret'].get('secretName')} has no "
                                        "template in the manifests")
                elif secret_key not in {**(secret.get("stringData") or {}),
                                        **(secret.get("data") or {})}:
                    problems.add(where, f"config key {key} reads {name}: Secret "
                                        f"{secret['metadata']['name']} has no key {secret_key}")
        other_args = [a for a in args if not a.startswith("--config=")]
        effective = check_config(binary, config_text, other_args, env,
                                 f"{where} config", problems, workdir)
        if effective is None:
            continue
        ports = {}
        for key in ("grpc_listen", "admin_listen"):
            host, port = listen_port(effective[key])
            ports[key] = port
            if is_loopback(host):
                problems.add(where, f"{key} is {effective[key]}: unreachable from outside "
                                    "the container (listen on 0.0.0.0)")
        real_ports = set(ports.values())

        declared = {}
        for entry in container.get("ports", []):
            declared[entry.get("name")] = entry.get("containerPort")
            if entry.get("containerPort") not in real_ports:
                problems.add(where, f"containerPort {entry.get('containerPort')} is not a port "
                                    f"the service listens on ({sorted(real_ports)})")
        for key, port in ports.items():
            if port not in declared.values():
                problems.add(where, f"no containerPort for {key} ({port})")

        for probe_name in ("startupProbe", "readinessProbe", "livenessProbe"):
            probe = container.get(probe_name)
            if probe is None:
                if probe_name != "startupProbe":
                    problems.add(where, f"{probe_name} is missing")
                continue
            probe_where = f"{where} {probe_name}"
            if "httpGet" in probe:
                port = resolve_port(probe["httpGet"].get("port"), container)
                if port != ports["admin_listen"]:
                    problems.add(probe_where, f"httpGet port {probe['httpGet'].get('port')} is "
                                              f"not the admin port {ports['admin_listen']}")
                check_probe_path(live, probe["httpGet"].get("path", "/"), probe_where, problems)
            elif "grpc" in probe:
                port = resolve_port(probe["grpc"].get("port"), container)
                if port != ports["grpc_listen"]:
                    problems.add(probe_where, f"grpc port {probe['grpc'].get('port')} is not "
                                              f"the gRPC port {ports['grpc_listen']}")
            elif "tcpSocket" in probe:
                port = resolve_port(probe["tcpSocket"].get("port"), container)
                if port not in real_ports:
                    problems.add(probe_where, f"tcpSocket port {port} is not a listen port")
            else:
                problems.add(probe_where, "neither httpGet, grpc nor tcpSocket")

        grace = parse_duration_seconds(flag_value(args, "shutdown_grace") or "10s")
        pre_stop = 0
        command = (((container.get("lifecycle") or {}).get("preStop") or {}).get("exec")
                   or {}).get("command", [])
        if command and os.path.basename(command[0]) == "sleep" and len(command) > 1:
            pre_stop = parse_duration_seconds(command[1] if command[1][-1].isalpha()
                                              else command[1] + "s")
        if not command and not ((container.get("lifecycle") or {}).get("preStop")):
            problems.add(where, "no preStop hook (endpoints need time to drop the pod)")
        termination = pod.get("terminationGracePeriodSeconds", 30)
        if termination <= grace + pre_stop:
            problems.add(where, f"terminationGracePeriodSeconds {termination} must exceed "
                                f"preStop {pre_stop:g}s + --shutdown_grace {grace:g}s")

        # redis.address must name a Service in the manifests, on its port.
        redis_address = (effective.get("redis") or {}).get("address")
        if redis_address:
            host, port = listen_port(redis_address)
            name = host.split(".")[0]
            matching = [d for _, d in services if d["metadata"]["name"] == name]
            if not matching:
                problems.add(where, f"redis.address {redis_address}: no Service {name}")
            elif port not in [p.get("port") for p in matching[0]["spec"].get("ports", [])]:
                problems.add(where, f"redis.address {redis_address}: Service {name} has no "
                                    f"port {port}")

    # Services: every targetPort is a containerPort of the pods they select.
    for file, service in services:
        where = f"{file} Service {service['metadata']['name']}"
        selector = service["spec"].get("selector", {})
        targets = [w for w in workloads
                   if selects(selector, w[1]["spec"]["template"]["metadata"].get("labels", {}))]
        if not targets:
            problems.add(where, "selects no Deployment or StatefulSet in the manifests")
            continue
        for entry in service["spec"].get("ports", []):
            target = entry.get("targetPort", entry.get("port"))
            for _, workload in targets:
                containers = workload["spec"]["template"]["spec"]["containers"]
                ports = [resolve_port(target, c) for c in containers]
                container_ports = [p.get("containerPort") for c in containers
                                   for p in c.get("ports", [])]
                if not any(p is not None and p in container_ports for p in ports):
                    problems.add(where, f"targetPort {target} is no containerPort of "
                                        f"{workload['metadata']['name']}")

    for file, hpa in by_kind(k8s, "HorizontalPodAutoscaler"):
        target = hpa["spec"].get("scaleTargetRef", {})
        if not any(d["metadata"]["name"] == target.get("name") and
                   target.get("kind") == "Deployment" for _, d in deployments):
            problems.add(f"{file} HorizontalPodAutoscaler", f"scaleTargetRef {target} is not a "
                                                            "Deployment in the manifests")
        if hpa["spec"].get("minReplicas", 1) < 2:
            problems.add(f"{file} HorizontalPodAutoscaler", "minReplicas below 2 leaves no "
                                                            "replica during a disruption")
    for file, pdb in by_kind(k8s, "PodDisruptionBudget"):
        if not any(selects(pdb["spec"].get("selector", {}),
                           d["spec"]["template"]["metadata"].get("labels", {}))
                   for _, d in service_deployments):
            problems.add(f"{file} PodDisruptionBudget", "selects no trackenrich pods")
    for kind in ("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
                 "Secret"):
        if not by_kind(k8s, kind):
            problems.add(where_dir, f"no {kind} manifest")

    # kustomization.yaml lists every manifest but the Secret template, and only files that exist.
    kustomization = k8s.get(os.path.join("k8s", "kustomization.yaml"))
    if not kustomization:
        problems.add(where_dir, "no kustomization.yaml")
    else:
        listed = set(kustomization[0].get("resources", []))
        for resource in sorted(listed):
            if not os.path.exists(os.path.join(deploy_dir, "k8s", resource)):
                problems.add("k8s/kustomization.yaml", f"resource {resource} does not exist")
        for file, docs in k8s.items():
            name = os.path.basename(file)
            if name == "kustomization.yaml" or any(d.get("kind") == "Secret" for d in docs):
                continue
            if name not in listed:
                problems.add("k8s/kustomization.yaml", f"does not list {name}")


# ---------------------------------------------------------------- compose


def compose_args(value):
    if value is None:
        return []
    return shlex.split(value) if isinstance(value, str) else [str(v) for v in value]


def compose_environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def compose_listen_port(service):
    """The port a compose service listens on, from --listen=/--port args."""
    args = compose_args(service.get("command"))
    listen = flag_value(args, "listen")
    if listen:
        return listen_port(listen)[1]
    if "--port" in args and args.index("--port") + 1 < len(args):
        return int(args[args.index("--port") + 1])
    return 6379 if "redis" in str(service.get("image", "")) else None


def check_compose(deploy_dir, documents, binary, live, problems, workdir):
    files = [f for f in documents if os.path.basename(f) in ("docker-compose.yml",
                                                             "docker-compose.yaml",
                                                             "compose.yml", "compose.yaml")]
    if not files:
        problems.add("deploy", "no docker-compose.yml")
        return
    for file in files:
        compose = documents[file][0]
        services = compose.get("services", {})
        compose_dir = os.path.dirname(os.path.join(deploy_dir, file))
        for required in ("redis",):
            if required not in services:
                problems.add(file, f"no {required} service")
        if not any("trackenrich_sandbox" in " ".join(compose_args(s.get("entrypoint")))
                   for s in services.values()):
            problems.add(file, "no service runs the standalone sandbox (trackenrich_sandbox)")
        for name, service in services.items():
            for dependency in (service.get("depends_on") or []):
                if dependency not in services:
                    problems.add(f"{file} {name}", f"depends on unknown service {dependency}")
        service = services.get("trackenrich")
        if service is None:
            problems.add(file, "no trackenrich service")
            continue
        where = f"{file} trackenrich"
        if service.get("entrypoint"):
            problems.add(where, "overrides the image's entrypoint")
        args = compose_args(service.get("command"))
        config_flag = flag_value(args, "config")
        config_text = None
        for volume in service.get("volumes", []):
            parts = volume.split(":") if isinstance(volume, str) else [
                volume.get("source"), volume.get("target")]
            if len(parts) >= 2 and parts[1] == config_flag:
                source = os.path.normpath(os.path.join(compose_dir, parts[0]))
                try:
                    with open(source, encoding="utf-8") as config_file:
                        config_text = config_file.read()
                except OSError as error:
                    problems.add(where, f"config volume {parts[0]}: {error}")
        if config_text is None:
            problems.add(where, f"--config={config_flag} is not a mounted file")
            continue
        other_args = [a for a in args if not a.startswith("--config=")]
        effective = check_config(binary, config_text, other_args, compose_environment(service),
                                 f"{where} config", problems, workdir)
        if effective is None:
            continue
        real_ports = set()
        for key in ("grpc_listen", "admin_listen"):
            host, port = listen_port(effective[key])
            real_ports.add(port)
            if is_loopback(host):
                problems.add(where, f"{key} is {effective[key]}: unreachable from other "
                                    "containers (listen on 0.0.0.0)")
        test = [str(t) for t in (service.get("healthcheck") or {}).get("test", [])]
        if not any("healthcheck" in t for t in test):
            problems.add(where, "no healthcheck running the health-check script")
        else:
            script_args = test[[i for i, t in enumerate(test) if "healthcheck" in t][0] + 1:]
            port = int(script_args[0]) if script_args else 8080
            if port != listen_port(effective["admin_listen"])[1]:
                problems.add(where, f"healthcheck probes port {port}, not the admin port")
            check_probe_path(live, script_args[1] if len(script_args) > 1 else "/healthz",
                             f"{where} healthcheck", problems)
        for mapping in service.get("ports", []):
            container_port = int(str(mapping).split(":")[-1].split("/")[0])
            if container_port not in real_ports:
                problems.add(where, f"publishes port {container_port}, which the service does "
                                    f"not listen on ({sorted(real_ports)})")
        # Every upstream URL or Redis address that names a compose service uses its port.
        addresses = []
        redis_address = (effective.get("redis") or {}).get("address")
        if redis_address:
            addresses.append(("redis.address", redis_address))
        for carrier, settings in (effective.get("carriers") or {}).items():
            for key in ("base_url", "lwa_url"):
                if key in settings:
                    url = urllib.parse.urlsplit(settings[key])
                    if url.hostname in services:
                        addresses.append((f"carriers.{carrier}.{key}",
                                          f"{url.hostname}:{url.port or 80}"))
        for key, address in addresses:
            host, port = listen_port(address)
            if host not in services:
                problems.add(where, f"{key} {address}: no compose service {host}")
            elif compose_listen_port(services[host]) != port:
                problems.add(where, f"{key} {address}: service {host} listens on "
                                    f"{compose_listen_port(services[host])}")


# -------------------------------------------------------------- Dockerfile


def final_stage(lines):
    start = max(i for i, line in enumerate(lines) if re.match(r"\s*FROM\s", line, re.I))
    return lines[start:]


def dockerfile_instructions(text):
    """Instructions with continuation lines joined, comments dropped."""
    joined, current = [], ""
    for line in text.splitlines():
        if re.match(r"\s*#", line):
            continue
        current += line.rstrip("\\").rstrip() + " " if line.rstrip().endswith("\\") else line
        if not line.rstrip().endswith("\\"):
            if current.strip():
                joined.append(current.strip())
            current = ""
    return joined


@functools.lru_cache(maxsize=None)
def needed_packages(binary):
    """Debian packages that provide the binary's directly linked libraries."""
    objdump = subprocess.run(["objdump", "-p", binary], capture_output=True, text=True,
                             check=True).stdout
    needed = re.findall(r"NEEDED\s+(\S+)", objdump)
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd, re.M))
    candidates = {}
    for soname in needed:
        path = paths.get(soname)
        found = [p for p in (path, os.path.realpath(path) if path else None) if p]
        found += [p[4:] if p.startswith("/usr/") else "/usr" + p for p in list(found)]
        candidates[soname] = found
    # One dpkg -S for all paths (each call reads every package's file list).
    every_path = sorted({p for found in candidates.values() for p in found})
    result = subprocess.run(["dpkg", "-S"] + every_path, capture_output=True, text=True)
    owner = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        owner[path.strip()] = package.split(":")[0].strip()
    return {soname: next((owner[p] for p in found if p in owner), None)
            for soname, found in candidates.items()}


def check_dockerfile(deploy_dir, binary, live, problems, workdir):
    path = os.path.join(deploy_dir, "Dockerfile")
    where = "Dockerfile"
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError as error:
        problems.add(where, str(error))
        return
    instructions = dockerfile_instructions(text)
    froms = [i for i in instructions if re.match(r"FROM\s", i, re.I)]
    if len(froms) < 2:
        problems.add(where, "not multi-stage")
    elif "bookworm-slim" not in froms[-1] or not all("bookworm" in f for f in froms):
        problems.add(where, "stages must be Debian bookworm, the final one bookworm-slim")
    final = final_stage(instructions)
    if not any(re.search(r"install-deps\.sh", i) for i in instructions[:len(instructions) -
                                                                     len(final)]):
        problems.add(where, "the build stage does not run deploy/install-deps.sh")
    users = [i.split()[1] for i in final if re.match(r"USER\s", i, re.I)]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add(where, "the final stage must switch to a non-root USER")

    def exec_form(keyword):
        for instruction in reversed(final):
            if re.match(rf"{keyword}\s", instruction, re.I):
                try:
                    return json.loads(instruction.split(None, 1)[1])
                except json.JSONDecodeError:
                    problems.add(where, f"{keyword} must be in exec (JSON) form")
        return None

    entrypoint = exec_form("ENTRYPOINT") or []
    if not entrypoint or os.path.basename(entrypoint[0]) != "trackenrich":
        problems.add(where, "ENTRYPOINT must be the trackenrich server")
    cmd = exec_form("CMD") or []
    effective = check_config(binary, None, cmd, {}, f"{where} CMD", problems, workdir)
    exposed = {int(p.split("/")[0]) for i in final if re.match(r"EXPOSE\s", i, re.I)
               for p in i.split()[1:]}
    if effective is not None:
        real = {listen_port(effective[k])[1] for k in ("grpc_listen", "admin_listen")}
        if exposed != real:
            problems.add(where, f"EXPOSE {sorted(exposed)} differs from the ports CMD listens "
                                f"on {sorted(real)}")
        for key in ("grpc_listen", "admin_listen"):
            if is_loopback(listen_port(effective[key])[0]):
                problems.add(where, f"CMD leaves {key} on {effective[key]}, unreachable from "
                                    "outside the container")
    healthchecks = [i for i in final if re.match(r"HEALTHCHECK\s", i, re.I)]
    if not healthchecks:
        problems.add(where, "no HEALTHCHECK")
    else:
        match = re.search(r"CMD\s+(\[.*\])", healthchecks[-1])
        test = json.loads(match.group(1)) if match else []
        if not test or "healthcheck" not in test[0]:
            problems.add(where, "HEALTHCHECK must run the health-check script")
        else:
            port = int(test[1]) if len(test) > 1 else 8080
            if effective is not None and port != listen_port(effective["admin_listen"])[1]:
                problems.add(where, f"HEALTHCHECK probes port {port}, not the admin port")
            health_path = test[2] if len(test) > 2 else "/healthz"
            check_probe_path(live, health_path, f"{where} HEALTHCHECK", problems)
            # The script itself, against the live service and against a closed port.
            script = os.path.join(deploy_dir, "healthcheck.sh")
            live.status(health_path)
            ok = subprocess.run(["bash", script, str(live.admin_port), health_path],
                                capture_output=True, timeout=20)
            if ok.returncode != 0:
                problems.add("healthcheck.sh", f"fails against a healthy service "
                                               f"({ok.stderr.decode().strip()})")
            missing = subprocess.run(["bash", script, str(live.admin_port), "/no-such-route"],
                                     capture_output=True, timeout=20)
            if missing.returncode == 0:
                problems.add("healthcheck.sh", "succeeds on a 404")

    install = " ".join(i for i in final if re.match(r"RUN\s", i, re.I) and "apt-get" in i)
    listed = set(re.findall(r"\b(lib[a-z0-9.+-]+|ca-certificates)\b", install))
    for soname, package in sorted(needed_packages(binary).items()):
        if package is None:
            problems.add(where, f"cannot tell which Debian package provides {soname}")
        elif package not in listed:
            problems.add(where, f"the final stage does not install {package} (for {soname})")


# --------------------------------------------------------------------- main


def run_checks(deploy_dir, binary, live):
    problems = Problems()
    workdir = tempfile.mkdtemp(prefix="trackenrich-manifests-")
    try:
        documents = load_yaml_files(deploy_dir, problems)
        if not documents:
            problems.add("deploy", "no YAML files")
        check_kubernetes(deploy_dir, documents, binary, live, problems, workdir)
        check_compose(deploy_dir, documents, binary, live, problems, workdir)
        check_dockerfile(deploy_dir, binary, live, problems, workdir)
        install_deps = os.path.join(deploy_dir, "install-deps.sh")
        with open(install_deps, encoding="utf-8") as file:
            if "python3-yaml" not in file.read():
                problems.add("install-deps.sh", "does not install python3-yaml (this check)")
        return problems.items, len(documents)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def edit(path, old, new):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if old not in text:
        raise AssertionError(f"self-test: {old!r} not found in {path}")
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new, 1))


# Each break: (what, file under deploy/, text to replace, replacement, expected message part).
BREAKS = [
    ("unknown key in the ConfigMap config", "k8s/configmap.yaml",
     '"io_threads": 2,', '"io_threads": 2, "io_thread_count": 2,',
     "io_thread_count: unknown key"),
    ("wrong type in the ConfigMap config", "k8s/configmap.yaml",
     '"io_threads": 2,', '"io_threads": "two",', "io_threads: must be a whole number"),
    ("an env override of a key the service lacks", "k8s/deployment.yaml",
     "TRACKENRICH__CACHE__MEMORY_MAX_MEGABYTES", "TRACKENRICH__CACHE__MEMORY_MAX_MB",
     "TRACKENRICH__CACHE__MEMORY_MAX_MB"),
    ("a probe path the admin server lacks", "k8s/deployment.yaml",
     "path: /readyz", "path: /ready", "GET /ready on the admin port answers 404"),
    ("a probe on the wrong port", "k8s/deployment.yaml",
     "grpc:\n              port: 50051", "grpc:\n              port: 8080",
     "grpc port 8080 is not the gRPC port"),
    ("a containerPort the service does not listen on", "k8s/deployment.yaml",
     "containerPort: 50051", "containerPort: 50052", "containerPort 50052 is not a port"),
    ("a Service targetPort no container has", "k8s/service.yaml",
     "targetPort: 50051", "targetPort: 9999", "targetPort 9999 is no containerPort"),
    ("a secret file outside the mounted Secret", "k8s/configmap.yaml",
     "/run/secrets/trackenrich/ups_client_secret", "/run/secrets/other/ups_client_secret",
     "not in a mounted Secret"),
    ("an env secret the Deployment does not set", "k8s/configmap.yaml",
     '{"env": "FEDEX_CLIENT_ID"}', '{"env": "FEDEX_ID"}', "environment variable FEDEX_ID"),
    ("a value in the Secret template", "k8s/secret.example.yaml",
     '"<Redis password, also used by redis.yaml>"', '"hunter2hunter2"',
     "Secret key redis_password holds a value"),
    ("a termination grace shorter than the drain", "k8s/deployment.yaml",
     "terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds: 20",
     "terminationGracePeriodSeconds 20 must exceed"),
    ("redis.address naming no Service", "k8s/configmap.yaml",
     "trackenrich-redis:6379", "redis-master:6379", "no Service redis-master"),
    ("a manifest missing from the kustomization", "k8s/kustomization.yaml",
     "  - pdb.yaml\n", "", "does not list pdb.yaml"),
    ("a YAML syntax error", "k8s/hpa.yaml", "  minReplicas: 3", "  minReplicas: [3",
     "does not parse as YAML"),
    ("unknown key in the compose config", "config/compose.json",
     '"default_deadline": "8s",', '"default_deadline": "8s", "deadline": "8s",',
     "deadline: unknown key"),
    ("a compose carrier URL on the wrong sandbox port", "config/compose.json",
     '"base_url": "http://sandbox:8081",\n      "api_key"',
     '"base_url": "http://sandbox:9000",\n      "api_key"',
     "carriers.dhl.base_url sandbox:9000"),
    ("a compose port the service does not listen on", "docker-compose.yml",
     '"127.0.0.1:8080:8080"', '"127.0.0.1:8080:8090"', "publishes port 8090"),
    ("EXPOSE of a port the image does not listen on", "Dockerfile",
     "EXPOSE 50051 8080", "EXPOSE 50051 8081", "EXPOSE [8081, 50051] differs"),
    ("a runtime library missing from the image", "Dockerfile",
     "       libhiredis0.14 \\\n", "", "does not install libhiredis0.14"),
    ("a root final stage", "Dockerfile", "USER 10001:10001", "USER root",
     "non-root USER"),
]


def self_test(deploy_dir, binary, live):
    """The real tree passes; each deliberate break in a copy fails as expected."""
    failures = []
    problems, _ = run_checks(deploy_dir, binary, live)
    if problems:
        failures.append("the unbroken deploy/ fails: " + "; ".join(problems))
    for what, relative, old, new, expected in BREAKS:
        scratch = tempfile.mkdtemp(prefix="trackenrich-deploy-copy-")
        try:
            copy_dir = os.path.join(scratch, "deploy")
            shutil.copytree(deploy_dir, copy_dir,
                            ignore=shutil.ignore_patterns("node_modules", "tools"))
            edit(os.path.join(copy_dir, relative), old, new)
            problems, _ = run_checks(copy_dir, binary, live)
            if not any(expected in p for p in problems):
                failures.append(f"{what}: expected a problem containing {expected!r}, got "
                                f"{problems or 'none'}")
            else:
                print(f"self-test: {what}: caught")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the trackenrich server binary")
    parser.add_argument("--deploy-dir", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--self-test", action="store_true",
                        help="check that deliberate breaks in a copy of deploy/ are caught")
    options = parser.parse_args()
    live = LiveService(options.binary)
    try:
        if options.self_test:
            failures = self_test(options.deploy_dir, options.binary, live)
            for failure in failures:
                print(f"FAIL: {failure}", file=sys.stderr)
            print(f"self-test: {len(BREAKS) - len(failures)} of {len(BREAKS)} breaks caught")
            return 1 if failures else 0
        problems, files = run_checks(options.deploy_dir, options.binary, live)
        for problem in problems:
            print(f"FAIL: {problem}", file=sys.stderr)
        if problems:
            return 1
        print(f"check_manifests: {files} YAML files, Kubernetes, compose and Dockerfile "
              "consistent with the service")
        return 0
    finally:
        live.stop()


if __name__ == "__main__":
    sys.exit(main())

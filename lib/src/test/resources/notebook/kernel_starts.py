"""Starts a Jupyter kernel again and again, as Jupyter does, and prints one JSON line per start (KernelStartTest).

Usage: kernel_starts.py KERNEL_NAME STARTS READY_SECONDS JSTACK [FIRST_NUMBER]
Each start: start the kernel, wait until it answers kernel_info (at most READY_SECONDS), run the cell `6 * 7`, keep
its result, shut the kernel down. A start that fails records whether the kernel process was still alive and, if so,
the names of its socket-polling threads (from JSTACK): a healthy rapaio kernel has Heartbeat-0 and two Shell-0 (the
control loop has that name too).
"""
import json
import re
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

CELL = "6 * 7"


def kernel_pid(manager):
    provisioner = getattr(manager, "provisioner", None)  # jupyter_client 7+
    process = getattr(provisioner, "process", None) if provisioner else getattr(manager, "kernel", None)
    return getattr(process, "pid", None)


def loop_threads(pid, jstack):
    try:
        dump = subprocess.run([jstack, str(pid)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return ["jstack failed: %s" % e]
    return sorted(re.findall(r'^"((?:Shell|Heartbeat)-\d+)"', dump, re.M))


def one_start(kernel, ready_s, jstack):
    manager = KernelManager(kernel_name=kernel)
    began = time.monotonic()
    result = {}
    client = None
    try:
        manager.start_kernel(stdout=sys.stderr, stderr=sys.stderr)  # stdout carries only our JSON lines
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=ready_s)
        result["answered_s"] = round(time.monotonic() - began, 1)
        outputs = []

        def keep(message):
            if message["msg_type"] == "execute_result":  # rapaio shows values as text/html
                data = message["content"]["data"]
                outputs.append(data.get("text/plain", data.get("text/html")))

        reply = client.execute_interactive(CELL, timeout=ready_s, output_hook=keep)
        result["status"] = reply["content"]["status"]
        result["result"] = outputs[0] if outputs else None
    except Exception as e:  # any failure is reported, with what the kernel process looked like
        result["error"] = "%s: %s" % (type(e).__name__, e)
        result["alive"] = manager.has_kernel and manager.is_alive()
        if result["alive"]:
            result["loop_threads"] = loop_threads(kernel_pid(manager), jstack)
    finally:
        if client is not None:
            client.stop_channels()
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    result["seconds"] = round(time.monotonic() - began, 1)
    return result


def main():
    kernel, starts, ready_s, jstack = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    first = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    for start in range(first, first + starts):
        result = {"start": start}
        result.update(one_start(kernel, ready_s, jstack))
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

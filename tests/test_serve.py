"""`mkdocs serve` rebuilds when a lesson file changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ENV


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return True
        time.sleep(0.5)
    return False


def test_serve_reloads_when_a_lesson_changes(library):
    library.fill_coverage()
    path = library.lesson("g1/live.md", title="第一版标题")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=library.root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/lessons/live/"
        assert wait_for(url, "第一版标题")
        path.write_text(path.read_text(encoding="utf-8").replace("第一版标题", "第二版标题"),
                        encoding="utf-8")
        assert wait_for(url, "第二版标题")
    finally:
        server.terminate()
        server.wait(timeout=30)

"""The one change to the theme's pages search needs: Material's page
starts xinyu's worker (worker.js) in place of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

WORKER_NAME = "xinyu-search.js"
WORKER_SOURCE = Path(__file__).parent / "worker.js"

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def use_search_worker(output: str) -> str:
    """Point the page's search at xinyu's worker, in the folder of Material's
    (assets/javascripts/workers/: the worker finds the index from there)."""
    match = _CONFIG_SCRIPT.search(output)
    if not match:
        return output
    try:
        app = json.loads(match[2])
    except ValueError:
        return output
    worker = app.get("search")
    if not isinstance(worker, str) or "/" not in worker or WORKER_NAME in worker:
        return output
    app["search"] = f"{worker.rsplit('/', 1)[0]}/{WORKER_NAME}"
    data = json.dumps(app, ensure_ascii=False).replace("</", "<\\/")
    return output[:match.start(2)] + data + output[match.end(2):]

#!/usr/bin/env python3
"""A small emulator of the Salla Merchant API for the end-to-end tests.

Standard library only. It binds 127.0.0.1 on an ephemeral port, prints one line
``PORT <n>`` and serves until its stdin reaches EOF (the harness closes it), or
15 minutes have passed, whichever comes first.

Each test works in a run of its own:

* ``POST /__control/<run>`` with ``{"scenario": NAME, ...params}`` (answers 204)
  starts the run (again, if it exists: state and log are reset);
* ``/<run>/admin/v2/...`` is the API and ``/<run>/oauth2/token`` the token endpoint,
  both answered as the scenario says and both recorded;
* ``GET /__log/<run>`` answers the recorded requests as JSON.

Scenarios (the ``api_*`` methods of ``Run``; parameters come from the control JSON):
pages (pages, per_page, style: total | links | empty | foreign), retry_after (seconds),
retry_after_date (seconds), pacing (limit, window, delay), unavailable (failures),
server_error, tokens (access, refresh, expires_in, absolute, token_delay), invalid_grant,
echo and stall.
"""

import base64
import email.parser
import email.policy
import email.utils
import json
import math
import os
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HARD_LIMIT_SECONDS = 15 * 60
STALL_LENGTH = 1000
STALL_INTERVAL = 0.2


# -- Bodies ------------------------------------------------------------------

def customer(cid):
    return {"id": cid, "first_name": f"C{cid}", "last_name": "L", "email": f"c{cid}@example.com"}


def error_envelope(status, code, message):
    return {"status": status, "success": False, "error": {"code": code, "message": message}}


TOO_MANY = error_envelope(429, "too_many_requests", "Too Many Attempts.")
UNAVAILABLE = error_envelope(503, "unavailable", "Service Unavailable")
SERVER_ERROR = error_envelope(500, "server_error", "Internal Server Error")
UNAUTHORIZED = error_envelope(401, "Unauthorized", "The access token is invalid")
INVALID_GRANT = {"error": "invalid_grant", "error_description": "The refresh token is invalid."}


class Reply:
    """What a scenario answers: status, extra headers, a JSON value (or None for no body),
    an optional sleep before answering, or a stalled body."""

    def __init__(self, status, body=None, headers=None, delay=0.0, stall=False):
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.delay = delay
        self.stall = stall


def not_found(what="Not Found"):
    return Reply(404, error_envelope(404, "not_found", what))


def success(method, cid=1):
    status = 201 if method == "POST" else 200
    return Reply(status, {"status": status, "success": True, "data": customer(cid)})


# -- Runs --------------------------------------------------------------------

class Run:
    def __init__(self, run_id, config, port):
        self.id = run_id
        self.config = config
        self.scenario = config.get("scenario")
        self.port = port
        self.lock = threading.Lock()
        self.log = []
        self.api_count = 0
        # pacing
        self.window_end = None
        self.window_used = 0
        # tokens
        self.access = str(config.get("access", "fresh-0"))
        self.refresh = str(config.get("refresh", "refresh-0"))
        self.refresh_count = 0
        self.spent = set()

    def param(self, name, default):
        value = self.config.get(name, default)
        return default if value is None else value

    def record(self, entry):
        with self.lock:
            self.log.append(entry)

    def next_api_index(self):
        """The 1-based number of this API request in the run."""
        with self.lock:
            self.api_count += 1
            return self.api_count

    # -- API -----------------------------------------------------------------

    def api(self, method, rest, query, headers):
        handler = API_HANDLERS.get(self.scenario)
        if handler is None:
            return not_found(f"Unknown scenario {self.scenario!r}")
        return handler(self, method, rest, query, headers)

    def api_pages(self, method, rest, query, headers):
        self.next_api_index()
        if method != "GET" or rest.rstrip("/") != "customers":
            return not_found()
        params = urllib.parse.parse_qs(query)
        page = int_or(first(params, "page"), 1)
        pages = int(self.param("pages", 3))
        per_page = int_or(first(params, "per_page"), int(self.param("per_page", 2)))
        style = self.param("style", "total")
        if page < 1:
            page = 1
        if page <= pages:
            start = (page - 1) * per_page + 1
            items = [customer(cid) for cid in range(start, start + per_page)]
        else:
            items = []
        base = f"http://127.0.0.1:{self.port}/{self.id}/admin/v2/customers"

        def url(n, host_base=base):
            return f"{host_base}?page={n}"

        pagination = {"count": len(items), "perPage": per_page, "currentPage": page}
        if style == "total":
            links = {}
            if page < pages:
                links["next"] = url(page + 1)
            if page > 1:
                links["previous"] = url(page - 1)
            pagination.update({"total": pages * per_page, "totalPages": pages, "links": links})
        elif style == "links":
            links = {}
            if page < pages:
                links["next"] = url(page + 1)
            if 1 < page <= pages:
                links["previous"] = url(page - 1)
            pagination["links"] = links
        elif style == "empty":
            pagination["links"] = []
        elif style == "foreign":
            foreign = f"http://localhost.invalid:1/{self.id}/admin/v2/customers"
            pagination["links"] = {"next": url(page + 1, foreign)} if page < pages else {}
        else:
            return Reply(400, error_envelope(400, "bad_style", f"Unknown pages style {style!r}"))
        return Reply(200, {"status": 200, "success": True, "data": items, "pagination": pagination})

    def api_retry_after(self, method, rest, query, headers):
        if self.next_api_index() == 1:
            seconds = self.param("seconds", 1)
            if isinstance(seconds, float) and seconds.is_integer():
                seconds = int(seconds)
            return Reply(429, TOO_MANY, {"Retry-After": str(seconds)})
        return success(method)

    def api_retry_after_date(self, method, rest, query, headers):
        if self.next_api_index() == 1:
            seconds = float(self.param("seconds", 2))
            # Rounded up to the next whole second, so that the date, which has a resolution of
            # one second, is never earlier than `seconds` from now.
            date = email.utils.formatdate(math.ceil(time.time() + seconds), usegmt=True)
            return Reply(429, TOO_MANY, {"Retry-After": date})
        return success(method)

    def api_pacing(self, method, rest, query, headers):
        limit = int(self.param("limit", 10))
        window = float(self.param("window", 2))
        delay = float(self.param("delay", 0))
        now = time.time()
        with self.lock:
            self.api_count += 1
            if self.window_end is None or now >= self.window_end:
                self.window_end = now + window
                self.window_used = 0
            window_end = self.window_end
            allowed = self.window_used < limit
            if allowed:
                self.window_used += 1
            remaining = limit - self.window_used
        rate = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(remaining if allowed else 0),
            "X-RateLimit-Reset": str(math.ceil(window_end)),
        }
        if not allowed:
            rate["Retry-After"] = str(max(1, math.ceil(window_end - now)))
            return Reply(429, TOO_MANY, rate)
        reply = success(method)
        reply.headers = rate
        reply.delay = delay
        return reply

    def api_unavailable(self, method, rest, query, headers):
        if self.next_api_index() <= int(self.param("failures", 1)):
            return Reply(503, UNAVAILABLE)
        return success(method)

    def api_server_error(self, method, rest, query, headers):
        self.next_api_index()
        return Reply(500, SERVER_ERROR)

    def api_tokens(self, method, rest, query, headers):
        self.next_api_index()
        with self.lock:
            valid = headers.get("authorization") == f"Bearer {self.access}"
        return success(method) if valid else Reply(401, UNAUTHORIZED)

    def api_invalid_grant(self, method, rest, query, headers):
        self.next_api_index()
        return Reply(401, UNAUTHORIZED)

    def api_echo(self, method, rest, query, headers):
        self.next_api_index()
        return success(method)

    def api_redirect(self, method, rest, query, headers):
        # A redirect to another origin of the same server: `localhost` instead of 127.0.0.1.
        self.next_api_index()
        if rest.startswith("landing"):
            return success(method)
        location = "http://localhost:%d/%s/admin/v2/landing" % (self.port, self.id)
        return Reply(302, None, headers={"Location": location})

    def api_stall(self, method, rest, query, headers):
        self.next_api_index()
        return Reply(200, stall=True)

    # -- Token endpoint ------------------------------------------------------

    def token(self, method, body):
        if self.scenario == "invalid_grant":
            return Reply(400, INVALID_GRANT)
        if self.scenario != "tokens":
            return not_found("This scenario has no token endpoint")
        if method != "POST":
            return Reply(405, {"error": "invalid_request", "error_description": "Use POST."})
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        if first(form, "grant_type") != "refresh_token":
            return Reply(400, {"error": "unsupported_grant_type",
                               "error_description": "The grant type must be refresh_token."})
        for name in ("client_id", "client_secret", "refresh_token"):
            if not first(form, name):
                return Reply(400, {"error": "invalid_request",
                                   "error_description": f"The {name} parameter is missing."})
        presented = first(form, "refresh_token")
        token_delay = float(self.param("token_delay", 0.2))
        expires_in = int(self.param("expires_in", 1209600))
        absolute = bool(self.param("absolute", False))
        with self.lock:
            if presented == self.refresh:
                self.spent.add(presented)
                self.refresh_count += 1
                k = self.refresh_count
                self.access = f"fresh-{k}"
                self.refresh = f"refresh-{k}"
                answer = {
                    "access_token": self.access,
                    "refresh_token": self.refresh,
                    "token_type": "bearer",
                    "scope": "offline_access",
                }
                if absolute:
                    answer["expires"] = int(time.time()) + expires_in
                else:
                    answer["expires_in"] = expires_in
                reply = Reply(200, answer)
            else:
                if presented in self.spent:
                    # Reuse of a spent refresh token: Salla revokes the whole grant.
                    revoked = uuid.uuid4().hex
                    self.access = f"revoked-{revoked}"
                    self.refresh = f"revoked-refresh-{revoked}"
                reply = Reply(400, INVALID_GRANT)
        reply.delay = token_delay
        return reply


API_HANDLERS = {
    "pages": Run.api_pages,
    "retry_after": Run.api_retry_after,
    "retry_after_date": Run.api_retry_after_date,
    "pacing": Run.api_pacing,
    "unavailable": Run.api_unavailable,
    "server_error": Run.api_server_error,
    "tokens": Run.api_tokens,
    "invalid_grant": Run.api_invalid_grant,
    "echo": Run.api_echo,
    "stall": Run.api_stall,
    "redirect": Run.api_redirect,
}


def first(params, name):
    values = params.get(name)
    return values[0] if values else None


def int_or(text, default):
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


RUNS = {}
RUNS_LOCK = threading.Lock()


def find_run(run_id):
    with RUNS_LOCK:
        return RUNS.get(run_id)


# -- Multipart ---------------------------------------------------------------

def multipart_parts(content_type, body):
    """The parts of a multipart/form-data body, or None when it cannot be parsed."""
    try:
        raw = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(raw)
        if not message.is_multipart():
            return None
        parts = []
        for part in message.iter_parts():
            content = part.get_payload(decode=True)
            # The Content-Type as sent: the policy's own rendering would requote parameters.
            part_type = next((value for name, value in part.raw_items() if name.lower() == "content-type"), None)
            parts.append({
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "content_type": None if part_type is None else " ".join(str(part_type).split()),
                "content": base64.b64encode(content or b"").decode("ascii"),
            })
        return parts
    except Exception:  # a malformed body is logged without parts
        return None


# -- HTTP --------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "SallaEmulator/1"

    def log_message(self, format, *args):  # quiet
        pass

    def do_GET(self):
        self.handle_any()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size_line = self.rfile.readline()
                if not size_line:
                    break
                size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    # trailers, up to the empty line
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def handle_any(self):
        arrived = time.time()
        body = self.read_body()
        split = urllib.parse.urlsplit(self.path)
        path, query = split.path, split.query
        segments = path.split("/")[1:]  # path starts with "/"
        method = self.command

        if len(segments) == 2 and segments[0] == "__control":
            return self.control(method, segments[1], body)
        if len(segments) == 2 and segments[0] == "__log":
            return self.serve_log(method, segments[1])

        run = find_run(segments[0]) if segments and segments[0] else None
        if run is None:
            return self.reply(not_found("Unknown run"))

        headers = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        entry = {
            "method": method,
            "path": path,
            "query": query,
            "headers": headers,
            "body": base64.b64encode(body).decode("ascii"),
            "time": arrived,
        }
        content_type = headers.get("content-type", "")
        if content_type.lower().startswith("multipart/form-data"):
            entry["parts"] = multipart_parts(content_type, body)
        run.record(entry)

        rest = segments[1:]
        if rest[:2] == ["admin", "v2"] and len(rest) > 2:
            reply = run.api(method, "/".join(rest[2:]), query, headers)
        elif rest == ["oauth2", "token"]:
            reply = run.token(method, body)
        else:
            reply = not_found()
        self.reply(reply)

    def control(self, method, run_id, body):
        if method != "POST":
            return self.reply(Reply(405, error_envelope(405, "method_not_allowed", "Use POST.")))
        try:
            config = json.loads(body or b"{}")
            if not isinstance(config, dict):
                raise ValueError("the configuration must be an object")
        except ValueError as error:
            return self.reply(Reply(400, error_envelope(400, "bad_config", str(error))))
        if config.get("scenario") not in API_HANDLERS:
            return self.reply(Reply(400, error_envelope(
                400, "bad_scenario", f"Unknown scenario {config.get('scenario')!r}")))
        run = Run(run_id, config, self.server.server_address[1])
        with RUNS_LOCK:
            RUNS[run_id] = run
        self.reply(Reply(204))

    def serve_log(self, method, run_id):
        run = find_run(run_id)
        if run is None:
            return self.reply(not_found("Unknown run"))
        with run.lock:
            entries = list(run.log)
        self.reply(Reply(200, entries))

    def reply(self, reply):
        if reply.delay > 0:
            time.sleep(reply.delay)
        if reply.stall:
            return self.stall(reply)
        data = b"" if reply.body is None else json.dumps(reply.body).encode("utf-8")
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.status != 204:  # a 204 carries no Content-Length (RFC 9110 8.6)
            if reply.body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)
        self.wfile.flush()

    def stall(self, reply):
        self.close_connection = True
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(STALL_LENGTH))
            self.end_headers()
            self.wfile.flush()
            for _ in range(STALL_LENGTH):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(STALL_INTERVAL)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # many concurrent connects without SYN retries

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def watch_stdin():
    try:
        while sys.stdin.buffer.read(65536):
            pass
    finally:
        os._exit(0)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=watch_stdin, daemon=True).start()
    limit = threading.Timer(HARD_LIMIT_SECONDS, os._exit, args=(0,))
    limit.daemon = True
    limit.start()
    sys.stdout.write(f"PORT {server.server_address[1]}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()

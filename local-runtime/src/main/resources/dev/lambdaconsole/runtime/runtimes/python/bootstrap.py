# Lambda Console - Python runtime interface client.
#
# Started by the engine as `python3 <dir>/bootstrap.py` with the working directory set to
# the function's code folder. Talks to the Runtime API at $AWS_LAMBDA_RUNTIME_API over one
# persistent HTTP/1.1 connection (TCP_NODELAY). Standard library only, Python 3.9+.
#
# Startup is kept lean on purpose: only builtin modules are imported before the first
# GET /next; `json` is imported while that first request is in flight and `logging` is
# configured lazily, the moment anything imports it.

import os
import sys
import time
import _socket

_RUNTIME_PATH = "/2018-06-01/runtime"
_request_id = None  # current invocation id (also used by the logging filter)
_json = None  # the json module, imported lazily


# ----------------------------------------------------------------------------------------
# Runtime API client: minimal HTTP/1.1 over a single keep-alive socket
# ----------------------------------------------------------------------------------------

class _ConnectionClosed(Exception):
    pass


class _RuntimeApi(object):
    def __init__(self, address):
        host, sep, port = address.rpartition(":")
        if not sep:
            host, port = address, "80"
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        self.host = host or "127.0.0.1"
        self.port = int(port)
        self.host_header = address
        self.sock = None
        self.buf = b""

    def _connect(self):
        last = None
        for family, socktype, proto, _, addr in _socket.getaddrinfo(
                self.host, self.port, 0, _socket.SOCK_STREAM):
            s = _socket.socket(family, socktype, proto)
            try:
                s.settimeout(None)
                s.connect(addr)
            except OSError as e:
                s.close()
                last = e
                continue
            s.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
            self.sock = s
            self.buf = b""
            return
        raise last or OSError("cannot connect to Runtime API at %s" % self.host_header)

    def close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
        self.sock = None
        self.buf = b""

    def request(self, method, path, body=None, headers=None, while_waiting=None):
        """Send one request and return (status, headers-dict lowercased, body bytes).
        Reconnects once when the kept-alive connection turns out to be closed."""
        head = "%s %s HTTP/1.1\r\nHost: %s\r\n" % (method, path, self.host_header)
        if headers:
            for k, v in headers.items():
                head += "%s: %s\r\n" % (k, v)
        if body is not None:
            head += "Content-Length: %d\r\n" % len(body)
        data = (head + "\r\n").encode("latin-1", "replace")
        if body:
            data += body
        for attempt in (0, 1):
            try:
                if self.sock is None:
                    self._connect()
                self.sock.sendall(data)
                if while_waiting is not None:
                    fn, while_waiting = while_waiting, None
                    fn()
                return self._read_response()
            except (OSError, _ConnectionClosed):
                self.close()
                if attempt:
                    raise

    def _fill(self):
        chunk = self.sock.recv(262144)
        if not chunk:
            raise _ConnectionClosed()
        self.buf += chunk

    def _readline(self):
        while True:
            i = self.buf.find(b"\r\n")
            if i >= 0:
                line = self.buf[:i]
                self.buf = self.buf[i + 2:]
                return line
            self._fill()

    def _read_exact(self, n):
        if len(self.buf) >= n:
            out = self.buf[:n]
            self.buf = self.buf[n:]
            return out
        parts = [self.buf]
        have = len(self.buf)
        self.buf = b""
        while have < n:
            chunk = self.sock.recv(max(262144, n - have))
            if not chunk:
                raise _ConnectionClosed()
            parts.append(chunk)
            have += len(chunk)
        data = b"".join(parts)
        self.buf = data[n:]
        return data[:n]

    def _read_response(self):
        line = self._readline()
        while not line:  # tolerate stray CRLF
            line = self._readline()
        parts = line.split(None, 2)
        status = int(parts[1])
        headers = {}
        while True:
            line = self._readline()
            if not line:
                break
            k, _, v = line.partition(b":")
            headers[k.strip().lower().decode("latin-1")] = v.strip().decode("latin-1")
        if headers.get("transfer-encoding", "").lower().find("chunked") >= 0:
            parts = []
            while True:
                size = int(self._readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self._readline():  # trailers
                        pass
                    break
                parts.append(self._read_exact(size))
                self._readline()
            body = b"".join(parts)
        elif "content-length" in headers:
            body = self._read_exact(int(headers["content-length"]))
        elif status in (204, 304) or 100 <= status < 200:
            body = b""
        else:  # body delimited by connection close
            parts = [self.buf]
            self.buf = b""
            while True:
                chunk = self.sock.recv(262144)
                if not chunk:
                    break
                parts.append(chunk)
            body = b"".join(parts)
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body


def _quote(s):
    safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"
    return "".join(c if c in safe else "".join("%%%02X" % b for b in c.encode("utf-8")) for c in s)


def _flush_output():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass


# ----------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------

class _Fault(Exception):
    def __init__(self, error_type, msg, trace=None):
        Exception.__init__(self, msg)
        self.error_type = error_type
        self.msg = msg
        self.trace = trace


def _make_error(message, error_type, stack_trace, request_id):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace is not None else [],
    }


def _fault_result(exc_info, request_id):
    import traceback
    etype, value, tb = exc_info
    frames = traceback.extract_tb(tb)
    me = os.path.abspath(__file__)
    # drop the runtime's own frames at the top of the stack
    i = 0
    while i < len(frames) and os.path.abspath(frames[i][0]) == me:
        i += 1
    if i < len(frames):
        frames = frames[i:]
    else:
        frames = []
    return _make_error(str(value), etype.__name__, traceback.format_list(frames), request_id)


def _json_log_mode():
    return os.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"


def _log_error(err):
    try:
        if _json_log_mode():
            now = time.time()
            line = _to_json_text({
                "timestamp": _iso_time(now),
                "level": "ERROR",
                "message": err.get("errorMessage", ""),
                "errorType": err.get("errorType", ""),
                "errorMessage": err.get("errorMessage", ""),
                "requestId": err.get("requestId", "") or (_request_id or ""),
                "stackTrace": err.get("stackTrace", []),
            }) + "\n"
        else:
            desc = "[ERROR]"
            if err.get("errorType"):
                desc += " " + err["errorType"]
            if err.get("errorMessage"):
                if err.get("errorType"):
                    desc += ":"
                desc += " " + err["errorMessage"]
            lines = [desc]
            trace = err.get("stackTrace")
            if trace is not None:
                lines.append("Traceback (most recent call last):")
                for element in trace:
                    if element == "":
                        lines.append("")
                    else:
                        lines.extend(element.splitlines())
            line = "\r".join(lines) + "\n"
        sys.stdout.write(line)
    except Exception:
        pass


def _iso_time(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % (int(t * 1000) % 1000)


def _load_json():
    global _json
    if _json is None:
        import json
        _json = json
    return _json


def _default_encoder(obj):
    dec = sys.modules.get("decimal")
    if dec is not None and isinstance(obj, dec.Decimal):
        if obj.is_nan():
            return float("nan")
        if obj == obj.to_integral_value():
            return int(obj)
        return float(obj)
    raise TypeError("Object of type %s is not JSON serializable" % type(obj).__name__)


def _to_json_text(obj):
    return _load_json().dumps(obj, default=_default_encoder, ensure_ascii=False)


def _to_json_bytes(obj):
    return _to_json_text(obj).encode("utf-8", "surrogateescape")


# ----------------------------------------------------------------------------------------
# Logging (root logger pre-configured like the official runtime, installed lazily)
# ----------------------------------------------------------------------------------------

_LEVELS = {"TRACE": 5, "DEBUG": 10, "INFO": 20, "WARN": 30, "WARNING": 30,
           "ERROR": 40, "FATAL": 50, "CRITICAL": 50}
_TEXT_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n"


def _configure_logging(logging):
    json_mode = _json_log_mode()

    class LambdaLoggerFilter(logging.Filter):
        def filter(self, record):
            record.aws_request_id = _request_id or ""
            return True

    class LambdaLoggerHandler(logging.Handler):
        def emit(self, record):
            try:
                msg = self.format(record)
                if not msg.endswith("\n"):  # e.g. exception text appended after the format's \n
                    msg += "\n"
                stream = sys.stdout
                stream.write(msg)
            except Exception:
                self.handleError(record)

    std_attrs = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
        "aws_request_id", "message", "asctime", "taskName"}

    class JsonFormatter(logging.Formatter):
        def format(self, record):
            level = record.levelname
            if level == "WARNING":
                level = "WARN"
            elif level == "CRITICAL":
                level = "FATAL"
            msg = record.msg if isinstance(record.msg, dict) else record.getMessage()
            result = {
                "timestamp": _iso_time(record.created),
                "level": level,
                "message": msg,
                "logger": record.name,
                "requestId": getattr(record, "aws_request_id", "") or "",
            }
            if record.exc_info and record.exc_info[0] is not None:
                import traceback
                result["errorType"] = record.exc_info[0].__name__
                result["errorMessage"] = str(record.exc_info[1])
                result["stackTrace"] = traceback.format_tb(record.exc_info[2])
            for k, v in record.__dict__.items():
                if k not in std_attrs and not k.startswith("_"):
                    result[k] = v
            try:
                text = _load_json().dumps(result, default=str, ensure_ascii=False)
            except Exception:
                text = _load_json().dumps({k: str(v) for k, v in result.items()}, ensure_ascii=False)
            return text + "\n"

    handler = LambdaLoggerHandler()
    if json_mode:
        handler.setFormatter(JsonFormatter())
    else:
        formatter = logging.Formatter(_TEXT_FORMAT, "%Y-%m-%dT%H:%M:%S")
        formatter.converter = time.gmtime
        handler.setFormatter(formatter)
    handler.addFilter(LambdaLoggerFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    # Like Lambda: the root logger keeps Python's default (WARNING) unless a log level is configured.
    level = _LEVELS.get(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper())
    if level is not None:
        root.setLevel(level)


class _LoggingImportHook(object):
    """meta_path finder: configures `logging` right after it is first imported."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "logging":
            return None
        try:
            sys.meta_path.remove(cls)
        except ValueError:
            pass
        spec = None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            try:
                _configure_logging(module)
            except Exception:
                pass

        try:
            spec.loader.exec_module = exec_module
        except Exception:
            pass
        return spec


def _install_logging():
    if "logging" in sys.modules:
        _configure_logging(sys.modules["logging"])
    else:
        sys.meta_path.insert(0, _LoggingImportHook)


# ----------------------------------------------------------------------------------------
# Context object
# ----------------------------------------------------------------------------------------

class CognitoIdentity(object):
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]

    def __init__(self):
        self.cognito_identity_id = None
        self.cognito_identity_pool_id = None

    def __repr__(self):
        return "CognitoIdentity([cognito_identity_id=%s,cognito_identity_pool_id=%s])" % (
            self.cognito_identity_id, self.cognito_identity_pool_id)


class Client(object):
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code",
                 "app_package_name"]

    def __repr__(self):
        return "Client([%s])" % ",".join(
            "%s=%s" % (k, getattr(self, k, None)) for k in self.__slots__)


class ClientContext(object):
    __slots__ = ["custom", "env", "client"]

    def __repr__(self):
        return "ClientContext([custom=%s,env=%s,client=%s])" % (
            self.custom, self.env, self.client)


def _obj_from_dict(cls, d):
    if d is None:
        return None
    obj = cls()
    for field in cls.__slots__:
        setattr(obj, field, d.get(field) if isinstance(d, dict) else None)
    return obj


class LambdaContext(object):
    def __init__(self, invoke_id, client_context, cognito_identity, deadline_ms,
                 invoked_function_arn=None, tenant_id=None):
        env = os.environ
        self.aws_request_id = invoke_id
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        mem = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        try:
            self.memory_limit_in_mb = int(mem)
        except (TypeError, ValueError):
            self.memory_limit_in_mb = mem
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id = tenant_id
        self.client_context = _obj_from_dict(ClientContext, client_context)
        if self.client_context is not None:
            self.client_context.client = _obj_from_dict(Client, self.client_context.client)
        self.identity = CognitoIdentity()
        if isinstance(cognito_identity, dict):
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self._epoch_deadline_time_in_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._epoch_deadline_time_in_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return (
            "LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,"
            "function_name=%s,memory_limit_in_mb=%s,function_version=%s,"
            "invoked_function_arn=%s,client_context=%s,identity=%s,tenant_id=%s])" % (
                self.aws_request_id, self.log_group_name, self.log_stream_name,
                self.function_name, self.memory_limit_in_mb, self.function_version,
                self.invoked_function_arn, self.client_context, self.identity, self.tenant_id))


# ----------------------------------------------------------------------------------------
# Handler loading
# ----------------------------------------------------------------------------------------

def _load_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise _Fault("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler, e))
    if not modname or not fname:
        raise _Fault("Runtime.MalformedHandlerName",
                     "Bad handler '%s': not enough values to unpack" % handler)
    import importlib
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise _Fault("Runtime.BuiltInModuleConflict",
                         "Cannot use built-in module %s as a handler module" % modname)
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise _Fault("Runtime.ImportModuleError",
                     "Unable to import module '%s': %s" % (modname, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise _Fault("Runtime.UserCodeSyntaxError",
                     "Syntax error in module '%s': %s" % (modname, e), trace)
    try:
        request_handler = getattr(module, fname)
    except AttributeError:
        raise _Fault("Runtime.HandlerNotFound",
                     "Handler '%s' missing on module '%s'" % (fname, modname))
    return request_handler


# ----------------------------------------------------------------------------------------
# Invocation loop
# ----------------------------------------------------------------------------------------

def _post_error(api, path, err):
    _flush_output()
    body = _to_json_bytes(err)
    api.request("POST", path, body, {
        "Content-Type": "application/json",
        "Lambda-Runtime-Function-Error-Type": err.get("errorType") or "Unhandled",
    })


def _parse_json_header(value):
    if not value:
        return None
    try:
        return _json.loads(value.encode("latin-1").decode("utf-8", "replace"))
    except Exception:
        return None


def _handle(api, request_handler, headers, body):
    global _request_id
    rid = headers.get("lambda-runtime-aws-request-id", "")
    _request_id = rid
    trace_id = headers.get("lambda-runtime-trace-id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))
    except ValueError:
        deadline = 0
    base = _RUNTIME_PATH + "/invocation/" + _quote(rid)
    err = None
    try:
        context = LambdaContext(
            rid,
            _parse_json_header(headers.get("lambda-runtime-client-context")),
            _parse_json_header(headers.get("lambda-runtime-cognito-identity")),
            deadline,
            headers.get("lambda-runtime-invoked-function-arn"),
            headers.get("lambda-runtime-aws-tenant-id"),
        )
        content_type = headers.get("content-type", "application/json")
        if content_type.split(";")[0].strip() in ("application/json", ""):
            try:
                event = _json.loads(body) if body else None
            except Exception as e:
                raise _Fault("Runtime.UnmarshalError", "Unable to unmarshal input: %s" % e)
        else:
            event = body
        result = request_handler(event, context)
        try:
            payload = _to_json_bytes(result)
        except Exception as e:
            raise _Fault("Runtime.MarshalError", "Unable to marshal response: %s" % e)
    except _Fault as f:
        err = _make_error(f.msg, f.error_type, f.trace, rid)
    except Exception:
        err = _fault_result(sys.exc_info(), rid)
    if err is not None:
        _log_error(err)
        _post_error(api, base + "/error", err)
    else:
        _flush_output()
        api.request("POST", base + "/response", payload, {"Content-Type": "application/json"})


def _setup_sys_path(task_root):
    opt = os.environ.get("LAMBDA_CONSOLE_OPT") or "/opt"
    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if p and os.path.abspath(p) != here]
    front = [task_root,
             os.path.join(opt, "python", "lib", "python%d.%d" % sys.version_info[:2], "site-packages"),
             os.path.join(opt, "python")]
    path = front + [p for p in path if p not in front]
    runtime_dir = os.environ.get("LAMBDA_RUNTIME_DIR")
    if runtime_dir and runtime_dir not in path and os.path.abspath(runtime_dir) != here:
        path.append(runtime_dir)
    if sys.flags.no_site:
        # Started with -S (skipping site and its .pth hooks saves ~50 ms): the interpreter's own
        # site-packages still come last, after the task root and the layers, as Lambda orders them.
        version = "python%d.%d" % sys.version_info[:2]
        for prefix in dict.fromkeys((sys.prefix, sys.base_prefix)):
            for candidate in (os.path.join(prefix, "lib", version, "site-packages"),
                              os.path.join(prefix, "lib", "python3", "dist-packages"),
                              os.path.join(prefix, "local", "lib", version, "dist-packages")):
                if candidate not in path and os.path.isdir(candidate):
                    path.append(candidate)
    sys.path[:] = path


def main():
    global _request_id
    task_root = os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    _setup_sys_path(task_root)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(line_buffering=True)
        except Exception:
            pass
    _install_logging()

    address = os.environ.get("AWS_LAMBDA_RUNTIME_API")
    if not address:
        sys.stderr.write("AWS_LAMBDA_RUNTIME_API is not set\n")
        sys.exit(1)
    api = _RuntimeApi(address)

    handler_name = os.environ.get("_HANDLER", "")
    try:
        request_handler = _load_handler(handler_name)
    except _Fault as f:
        err = _make_error(f.msg, f.error_type, f.trace, "")
        _log_error(err)
        _post_error(api, _RUNTIME_PATH + "/init/error", err)
        sys.exit(1)
    except Exception:
        err = _fault_result(sys.exc_info(), "")
        _log_error(err)
        _post_error(api, _RUNTIME_PATH + "/init/error", err)
        sys.exit(1)

    next_path = _RUNTIME_PATH + "/invocation/next"
    first = True
    while True:
        status, headers, body = api.request(
            "GET", next_path, while_waiting=_load_json if first else None)
        first = False
        if status != 200:
            sys.stderr.write("Runtime API /next returned %d: %s\n"
                             % (status, body.decode("utf-8", "replace")))
            _flush_output()
            sys.exit(1)
        _handle(api, request_handler, headers, body)
        _request_id = None


if __name__ == "__main__":
    main()

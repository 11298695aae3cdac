'use strict';
// Lambda Console - Node.js runtime interface client (CommonJS, Node 18-22, no dependencies).
//
// Started by the engine as `node <dir>/bootstrap.js` with the working directory set to the
// function's code folder. Talks to the Runtime API at $AWS_LAMBDA_RUNTIME_API over one
// persistent HTTP/1.1 keep-alive connection with TCP_NODELAY. User code may be CommonJS
// or ES modules (loaded with dynamic import()).

const http = require('http');
const net = require('net');
const util = require('util');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { pathToFileURL } = require('url');

const API_VERSION = '2018-06-01';
const TASK_ROOT = process.env.LAMBDA_TASK_ROOT || process.cwd();

// ---------------------------------------------------------------------------------------
// Module resolution: layers (<opt>/nodejs/...), runtime dir, task root via NODE_PATH
// ---------------------------------------------------------------------------------------

(function setupModulePaths() {
  const opt = process.env.LAMBDA_CONSOLE_OPT || '/opt';
  const major = process.versions.node.split('.')[0];
  const runtimeDir = process.env.LAMBDA_RUNTIME_DIR || __dirname;
  const wanted = [
    path.join(opt, 'nodejs', 'node' + major, 'node_modules'),
    path.join(opt, 'nodejs', 'node_modules'),
    path.join(runtimeDir, 'node_modules'),
    runtimeDir,
    TASK_ROOT,
  ];
  const existing = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean);
  const all = existing.concat(wanted.filter((p) => !existing.includes(p)));
  process.env.NODE_PATH = all.join(path.delimiter);
  if (typeof Module._initPaths === 'function') Module._initPaths();
})();

// ---------------------------------------------------------------------------------------
// Logging: console.* patched like the official runtime
// ---------------------------------------------------------------------------------------

let currentRequestId; // undefined until the first invocation, like the official client
const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
const JSON_LOGS = (process.env.AWS_LAMBDA_LOG_FORMAT || '').toUpperCase() === 'JSON';
const MIN_LEVEL = LEVELS[(process.env.AWS_LAMBDA_LOG_LEVEL || '').toUpperCase()] || 0;

function errorToJson(err) {
  return {
    errorType: (err && err.constructor && err.constructor.name) || err.name || 'UnknownError',
    errorMessage: err.message,
    stackTrace: typeof err.stack === 'string' ? err.stack.split('\n') : [],
  };
}

function jsonReplacer(_key, value) {
  if (value instanceof Error) {
    const out = errorToJson(value);
    for (const k of Object.keys(value)) if (!(k in out)) out[k] = value[k];
    return out;
  }
  return value;
}

function formatTextLine(level, args) {
  const line = `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}`;
  return line.replace(/\n/g, '\r') + '\n';
}

function formatJsonLine(level, args) {
  const result = { timestamp: new Date().toISOString(), level, requestId: currentRequestId };
  if (args.length === 1) {
    result.message = args[0];
    try {
      return JSON.stringify(result, jsonReplacer) + '\n';
    } catch (_e) {
      result.message = util.format(args[0]);
      return JSON.stringify(result) + '\n';
    }
  }
  result.message = util.format(...args);
  for (const a of args) {
    if (a instanceof Error) {
      Object.assign(result, errorToJson(a));
      break;
    }
  }
  return JSON.stringify(result) + '\n';
}

function writeLog(level, args) {
  if (LEVELS[level] < MIN_LEVEL) return;
  let line;
  try {
    line = JSON_LOGS ? formatJsonLine(level, args) : formatTextLine(level, args);
  } catch (_e) {
    line = formatTextLine(level, ['<unformattable log message>']);
  }
  process.stdout.write(line);
}

(function patchConsole() {
  console.trace = (...a) => writeLog('TRACE', a);
  console.debug = (...a) => writeLog('DEBUG', a);
  console.info = (...a) => writeLog('INFO', a);
  console.log = (...a) => writeLog('INFO', a);
  console.warn = (...a) => writeLog('WARN', a);
  console.error = (...a) => writeLog('ERROR', a);
  console.fatal = (...a) => writeLog('FATAL', a);
})();

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

class ExtendedError extends Error {
  constructor(reason) {
    super(reason);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
class ImportModuleError extends ExtendedError {}
class HandlerNotFound extends ExtendedError {}
class MalformedHandlerName extends ExtendedError {}
class UserCodeSyntaxError extends ExtendedError {}
class MarshalError extends ExtendedError {}
class UnhandledPromiseRejection extends ExtendedError {
  constructor(reason, promise) {
    super(reason);
    this.reason = reason;
    this.promise = promise;
  }
}
for (const cls of [ImportModuleError, HandlerNotFound, MalformedHandlerName, UserCodeSyntaxError,
  MarshalError, UnhandledPromiseRejection]) {
  cls.prototype.name = `Runtime.${cls.name}`;
}

function isError(e) {
  return e instanceof Error || (e !== null && typeof e === 'object' && typeof e.name === 'string' &&
    typeof e.message === 'string' && typeof e.stack === 'string');
}

function toRapidResponse(error) {
  try {
    if (util.types.isNativeError(error) || isError(error)) {
      const fix = (s) => (typeof s === 'string' ? s.replace(/\x7F/g, '%7F') : s);
      return {
        errorType: fix(error.name),
        errorMessage: fix(error.message),
        trace: typeof error.stack === 'string' ? fix(error.stack).split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch (_e) {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while ' +
        'retrieving one or more of its message, name, and stack',
    };
  }
}

function withEnumerableProperties(error) {
  if (error instanceof Error) {
    const ret = Object.assign({ errorType: error.name, errorMessage: error.message, code: error.code }, error);
    if (typeof error.stack === 'string') ret.stack = error.stack.split('\n');
    return ret;
  }
  return error;
}

function toFormatted(error) {
  try {
    return '\t' + JSON.stringify(error, (_k, v) => withEnumerableProperties(v));
  } catch (_e) {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}

function intoError(err) {
  return err instanceof Error ? err : new Error(err);
}

// ---------------------------------------------------------------------------------------
// Runtime API client
// ---------------------------------------------------------------------------------------

const apiAddress = process.env.AWS_LAMBDA_RUNTIME_API || '';
const sep = apiAddress.lastIndexOf(':');
const API_HOST = (sep > 0 ? apiAddress.slice(0, sep) : apiAddress).replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
const API_PORT = sep > 0 ? parseInt(apiAddress.slice(sep + 1), 10) : 80;
// The kept-alive Runtime API connection: one socket with TCP_NODELAY and a minimal HTTP/1.1 exchange
// (Node's http module costs about a millisecond of CPU per request on a small machine).
class ApiConnection {
  constructor(host, port) {
    this.host = host;
    this.port = port;
    this.socket = null;
    this.buffer = Buffer.alloc(0);
    this.waiting = null;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port }, () => {
        socket.removeListener('error', reject);
        resolve();
      });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.on('data', (data) => this.onData(data));
      socket.on('error', (e) => this.fail(e));
      socket.on('close', () => this.fail(new Error('Runtime API connection closed')));
      this.socket = socket;
      this.buffer = Buffer.alloc(0);
    });
  }

  async request(method, urlPath, body, headers) {
    if (this.socket === null) await this.connect();
    let head = `${method} ${urlPath} HTTP/1.1\r\nHost: ${apiAddress}\r\n`;
    for (const [k, v] of Object.entries(headers || {})) head += `${k}: ${v}\r\n`;
    const payload = body === undefined ? null : Buffer.from(body);
    if (payload !== null) head += `Content-Length: ${payload.length}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.ref(); // a request in flight keeps the process alive
      this.socket.write(payload === null ? head + '\r\n' : Buffer.concat([Buffer.from(head + '\r\n', 'latin1'), payload]));
    });
  }

  fail(error) {
    if (this.socket !== null) this.socket.destroy();
    this.socket = null;
    const w = this.waiting;
    this.waiting = null;
    if (w !== null) w.reject(error);
  }

  onData(data) {
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    const response = this.parse();
    if (response === null || this.waiting === null) return;
    const w = this.waiting;
    this.waiting = null;
    // An idle connection must not keep the event loop alive: "empty event loop" is how callback handlers
    // (callbackWaitsForEmptyEventLoop) and handlers that never answer are detected, as with http.Agent.
    if (this.socket !== null) this.socket.unref();
    w.resolve(response);
  }

  // A whole response from the buffer, or null while more bytes are needed.
  parse() {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
    const status = parseInt(lines[0].split(' ')[1], 10);
    const headers = {};
    for (let i = 1; i < lines.length; i++) {
      const c = lines[i].indexOf(':');
      if (c > 0) headers[lines[i].slice(0, c).trim().toLowerCase()] = lines[i].slice(c + 1).trim();
    }
    let offset = end + 4;
    let body;
    if ((headers['transfer-encoding'] || '').toLowerCase().includes('chunked')) {
      const parts = [];
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', offset);
        if (lineEnd < 0) return null;
        const size = parseInt(this.buffer.toString('latin1', offset, lineEnd), 16);
        if (size === 0) {
          const trailerEnd = this.buffer.indexOf('\r\n\r\n', lineEnd - 2 < offset ? offset : lineEnd - 2);
          if (trailerEnd < 0) return null;
          offset = trailerEnd + 4;
          break;
        }
        if (this.buffer.length < lineEnd + 2 + size + 2) return null;
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        offset = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      const length = parseInt(headers['content-length'] || '0', 10);
      if (this.buffer.length < offset + length) return null;
      body = Buffer.from(this.buffer.subarray(offset, offset + length));
      offset += length;
    }
    this.buffer = this.buffer.subarray(offset);
    if ((headers.connection || '').toLowerCase() === 'close') this.fail(new Error('closed by the server'));
    return { status, headers, body };
  }
}

const connection = new ApiConnection(API_HOST, API_PORT);

// A request on its own connection, for reports from process-level error handlers, which may fire while
// the kept-alive connection is busy with a pending /next long poll.
function separateRequest(method, urlPath, body, headers) {
  return new Promise((resolve, reject) => {
    const hdrs = Object.assign({}, headers);
    if (body !== undefined) hdrs['Content-Length'] = Buffer.byteLength(body);
    const req = http.request({
      host: API_HOST, port: API_PORT, method, path: urlPath, agent: false, headers: hdrs,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('socket', (s) => s.setNoDelay(true));
    req.on('error', reject);
    req.end(body);
  });
}

async function apiRequest(method, urlPath, body, headers, separate) {
  if (separate) return separateRequest(method, urlPath, body, headers);
  try {
    return await connection.request(method, urlPath, body, headers);
  } catch (_e) {
    // the kept-alive connection may have been closed: reconnect once
    return connection.request(method, urlPath, body, headers);
  }
}

function serialize(result) {
  let text;
  try {
    text = JSON.stringify(result === undefined ? null : result);
  } catch (e) {
    throw new MarshalError('Unable to stringify response body');
  }
  return text === undefined ? 'null' : text;
}

function postResponse(id, result) {
  let body;
  try {
    body = serialize(result);
  } catch (e) {
    console.error('Invoke Error', toFormatted(e));
    return postError(id, e);
  }
  return apiRequest('POST', `/${API_VERSION}/runtime/invocation/${encodeURIComponent(id)}/response`,
    body, { 'Content-Type': 'application/json' });
}

function errorBody(error) {
  const response = toRapidResponse(error);
  let body;
  try {
    body = JSON.stringify(response);
  } catch (_e) {
    body = JSON.stringify({ errorType: response.errorType, errorMessage: String(response.errorMessage), trace: [] });
  }
  return [response, body];
}

function postError(id, error, separate) {
  const [response, body] = errorBody(error);
  return apiRequest('POST', `/${API_VERSION}/runtime/invocation/${encodeURIComponent(id)}/error`, body, {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': String(response.errorType),
  }, separate);
}

function postInitError(error, separate) {
  const [response, body] = errorBody(error);
  return apiRequest('POST', `/${API_VERSION}/runtime/init/error`, body, {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': String(response.errorType),
  }, separate);
}

function fatal(err) {
  try {
    process.stderr.write(`Lambda Console runtime: fatal error talking to the Runtime API: ${err && err.stack || err}\n`);
  } finally {
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------
// Handler loading (same rules as the official client)
// ---------------------------------------------------------------------------------------

function hasFolderPackageJsonTypeModule(folder) {
  if (folder.endsWith('/node_modules')) return false;
  const pj = path.join(folder, 'package.json');
  if (fs.existsSync(pj)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(pj, 'utf8'));
      return !!pkg && pkg.type === 'module';
    } catch (e) {
      console.warn(`${pj} cannot be read, it will be ignored for ES module detection purposes.`, e);
      return false;
    }
  }
  const parent = path.resolve(folder, '..');
  if (parent === folder) return false;
  return hasFolderPackageJsonTypeModule(parent);
}

function hasPackageJsonTypeModule(file) {
  const jsPath = file + '.js';
  return fs.existsSync(jsPath) ? hasFolderPackageJsonTypeModule(path.dirname(jsPath)) : false;
}

function tryRequireFile(file, ext) {
  const p = file + (ext || '');
  return fs.existsSync(p) ? require(p) : undefined;
}

async function tryImport(file, ext) {
  const p = file + (ext || '');
  return fs.existsSync(p) ? import(pathToFileURL(p).href) : undefined;
}

async function tryLoad(appRoot, moduleRoot, moduleName) {
  const lambdaStylePath = path.resolve(appRoot, moduleRoot, moduleName);
  const extensionless = tryRequireFile(lambdaStylePath);
  if (extensionless) return extensionless;
  const typeModule = hasPackageJsonTypeModule(lambdaStylePath);
  if (!typeModule) {
    const loaded = tryRequireFile(lambdaStylePath, '.js');
    if (loaded) return loaded;
  }
  const loaded = (typeModule && (await tryImport(lambdaStylePath, '.js'))) ||
    (await tryImport(lambdaStylePath, '.mjs')) ||
    tryRequireFile(lambdaStylePath, '.cjs');
  if (loaded) return loaded;
  const nodeStylePath = require.resolve(moduleName, { paths: [appRoot, path.resolve(appRoot, moduleRoot)] });
  return require(nodeStylePath);
}

async function loadUserApp(appRoot, moduleRoot, moduleName) {
  try {
    return await tryLoad(appRoot, moduleRoot, moduleName);
  } catch (e) {
    if (e instanceof SyntaxError) throw new UserCodeSyntaxError(e);
    if (e && e.code === 'MODULE_NOT_FOUND') throw new ImportModuleError(e);
    throw e;
  }
}

async function loadHandler(appRoot, fullHandlerString) {
  if (fullHandlerString.includes('..')) {
    throw new MalformedHandlerName(`'${fullHandlerString}' is not a valid handler name. ` +
      'Use absolute paths when specifying root directories in handler names.');
  }
  const handlerString = path.basename(fullHandlerString);
  const moduleRoot = fullHandlerString.substring(0, fullHandlerString.indexOf(handlerString));
  const match = handlerString.match(/^([^.]*)\.(.*)$/);
  if (!match || match.length !== 3) throw new MalformedHandlerName('Bad handler');
  const [, moduleName, handlerPath] = match;
  const app = await loadUserApp(appRoot, moduleRoot, moduleName);
  const fn = handlerPath.split('.').reduce((nested, key) => nested && nested[key], app);
  if (!fn) throw new HandlerNotFound(`${fullHandlerString} is undefined or not exported`);
  if (typeof fn !== 'function') throw new HandlerNotFound(`${fullHandlerString} is not a function`);
  return fn;
}

// ---------------------------------------------------------------------------------------
// Invocation loop
// ---------------------------------------------------------------------------------------

let beforeExitListener = null;
process.on('beforeExit', () => {
  const listener = beforeExitListener;
  beforeExitListener = null;
  if (listener) listener();
});

let errorCallbacks = {
  uncaughtException: (error) => postInitError(error, true).then(() => process.exit(129), () => process.exit(129)),
  unhandledRejection: (error) => postInitError(error, true).then(() => process.exit(128), () => process.exit(128)),
};

process.on('uncaughtException', (error) => {
  console.error('Uncaught Exception', toFormatted(error));
  errorCallbacks.uncaughtException(error);
});

process.on('unhandledRejection', (reason, promise) => {
  const error = new UnhandledPromiseRejection(reason === undefined || reason === null ? String(reason) : reason.toString(), promise);
  console.error('Unhandled Promise Rejection', toFormatted(error));
  errorCallbacks.unhandledRejection(error);
});

function parseJsonHeader(value) {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch (_e) {
    return undefined;
  }
}

function buildContext(headers, callbackContext) {
  const deadline = parseInt(headers['lambda-runtime-deadline-ms'], 10);
  const env = process.env;
  const context = {
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parseJsonHeader(headers['lambda-runtime-client-context']),
    identity: parseJsonHeader(headers['lambda-runtime-cognito-identity']),
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
  if (headers['lambda-runtime-aws-tenant-id'] !== undefined) {
    context.tenantId = headers['lambda-runtime-aws-tenant-id'];
  }
  Object.defineProperties(context, Object.getOwnPropertyDescriptors(callbackContext));
  return context;
}

function isPromise(p) {
  return p !== null && p !== undefined && typeof p.then === 'function';
}

// Runs one invocation; resolves once the response or error has been posted.
function invoke(handler, id, headers, body) {
  return new Promise((resolveInvoke, rejectInvoke) => {
    let completed = false;
    let waitForEmptyEventLoop = true;
    const finish = (send) => {
      if (completed) return;
      completed = true;
      beforeExitListener = null;
      let p;
      try {
        p = send();
      } catch (e) {
        p = Promise.reject(e);
      }
      p.then(resolveInvoke, rejectInvoke);
    };
    const postErr = (err) => finish(() => {
      console.error('Invoke Error', toFormatted(intoError(err)));
      return postError(id, err);
    });
    const postResult = (result) => finish(() => postResponse(id, result));

    const callback = (err, result) => {
      beforeExitListener = null;
      if (err !== undefined && err !== null) {
        postErr(err);
      } else if (!waitForEmptyEventLoop) {
        postResult(result);
      } else {
        beforeExitListener = () => setImmediate(() => postResult(result));
      }
    };
    const done = (err, result) => {
      beforeExitListener = null;
      if (err !== undefined && err !== null) postErr(err);
      else postResult(result);
    };
    const callbackContext = {
      get callbackWaitsForEmptyEventLoop() { return waitForEmptyEventLoop; },
      set callbackWaitsForEmptyEventLoop(v) { waitForEmptyEventLoop = v; },
      succeed: (result) => done(null, result),
      fail: (err) => (err === undefined || err === null ? done('handled') : done(err, null)),
      done,
    };

    // a handler that never signals completion answers null once the event loop is empty
    beforeExitListener = () => postResult(null);
    try {
      const context = buildContext(headers, callbackContext);
      const event = JSON.parse(body.toString('utf8'));
      const result = handler(event, context, callback);
      if (isPromise(result)) {
        result.then(callbackContext.succeed, callbackContext.fail).catch(callbackContext.fail);
      }
    } catch (err) {
      callback(err);
    }
  });
}

async function loop(handler) {
  for (;;) {
    const next = await apiRequest('GET', `/${API_VERSION}/runtime/invocation/next`);
    if (next.status !== 200) {
      throw new Error(`Runtime API /next returned ${next.status}: ${next.body.toString('utf8')}`);
    }
    const headers = next.headers;
    const id = headers['lambda-runtime-aws-request-id'];
    currentRequestId = id;
    const traceId = headers['lambda-runtime-trace-id'];
    if (traceId !== undefined) process.env._X_AMZN_TRACE_ID = traceId;
    else delete process.env._X_AMZN_TRACE_ID;
    errorCallbacks = {
      uncaughtException: (error) => postError(id, error, true).then(() => process.exit(129), () => process.exit(129)),
      unhandledRejection: (error) => postError(id, error, true).then(() => process.exit(128), () => process.exit(128)),
    };
    await invoke(handler, id, headers, next.body);
    // let pending callbacks of the finished invocation run before blocking on /next again
    await new Promise((r) => setImmediate(r));
  }
}

async function main() {
  if (!apiAddress) {
    process.stderr.write('AWS_LAMBDA_RUNTIME_API is not set\n');
    process.exit(1);
  }
  let handler;
  try {
    handler = await loadHandler(TASK_ROOT, process.env._HANDLER || '');
  } catch (error) {
    console.error('Uncaught Exception', toFormatted(error));
    try {
      await postInitError(error);
    } finally {
      process.exit(129);
    }
  }
  await loop(handler);
}

main().catch(fatal);

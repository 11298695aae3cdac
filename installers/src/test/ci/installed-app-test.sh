#!/usr/bin/env bash
# The installed app as a user gets it (CI, after the test suite; as root on Debian):
#   1. builds the deb and the rpm with `./lambda-console package` (sizes to installers/target/sizes.txt);
#   2. installs the deb with dpkg -i and checks its files (root-owned, nothing writable, JavaFX and javac in the
#      runtime, the menu entry with its window class);
#   3. as a fresh non-root user with a fresh home, and no JDK on its PATH: opens the console under Xvfb, waits for
#      its window, takes a screenshot (not blank), checks stderr has no "Unsupported JavaFX configuration", then
#      measures start-up to the first window (-Dlambdaconsole.startupProbe=true, the same probe as bench startup);
#   4. runs `serve` headless from the installed launcher and drives it with the AWS CLI: list-functions,
#      create-function (Python, process backend), invoke;
#   5. checks the install folder was never written to, and the user's data is in the user's folders;
#   6. dpkg -r, and checks nothing of the package is left outside the user's folders; then the rpm: rpm -i --nodeps,
#      its files, the launcher answers, rpm -e, gone.
# Any failure stops it with "installed-app-test: FAIL: ..." and a non-zero exit.
# Options (environment): SKIP_BUILD=1 reuses installers/target/*.deb|*.rpm; STARTUP_RUNS (default 5);
# PACKAGE_ARGS extra arguments for ./lambda-console package.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
root_dir=$(pwd)

log() { echo "installed-app-test: $*"; }
fail() { echo "installed-app-test: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and creates a user)"
for tool in dpkg rpm rpmbuild fakeroot xvfb-run import identify xwininfo aws zip runuser useradd; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing (.ci/run installs it)"
done

pkg=lambda-console
prefix=/opt/$pkg
launcher=$prefix/bin/$pkg
desktop_entry=/usr/share/applications/$pkg-$pkg.desktop
user=lc-installed-$$
work=$(mktemp -d /tmp/installed-app-test.XXXXXX)
chmod 755 "$work"
t0=$(date +%s)

serve_pid=""
cleanup() {
  set +e
  [ -n "$serve_pid" ] && kill "$serve_pid" >/dev/null 2>&1 && sleep 1
  id "$user" >/dev/null 2>&1 && userdel -r "$user" >/dev/null 2>&1
  dpkg -s "$pkg" >/dev/null 2>&1 && dpkg -P "$pkg" >/dev/null 2>&1
  rpm -q "$pkg" >/dev/null 2>&1 && rpm -e --nodeps "$pkg" >/dev/null 2>&1
}
trap cleanup EXIT

# A previous run's package would hide what this one installs.
if dpkg -s "$pkg" >/dev/null 2>&1; then dpkg -P "$pkg" >/dev/null; fi
if rpm -q "$pkg" >/dev/null 2>&1; then rpm -e --nodeps "$pkg" >/dev/null; fi
[ ! -e "$prefix" ] || fail "$prefix exists before the package is installed (left by something else?)"

# 0. The clone's launcher (README's first command) starts the console with JavaFX on the module path: no warning.
log "the clone launcher: ./lambda-console under Xvfb, start-up probe"
HOME="$work/clone-home" _JAVA_OPTIONS=-Dlambdaconsole.startupProbe=true timeout 180 \
  xvfb-run -a -s "-screen 0 1280x800x24" ./lambda-console >"$work/clone.out" 2>"$work/clone.err" \
  || { tail -20 "$work/clone.err" >&2; fail "./lambda-console did not start and stop"; }
grep -q '^window-shown-ms=' "$work/clone.out" || fail "./lambda-console showed no window (no window-shown-ms line)"
grep -q "Unsupported JavaFX configuration" "$work/clone.err" \
  && fail "./lambda-console's stderr says 'Unsupported JavaFX configuration': JavaFX is not on the module path"
log "clone launcher: $(grep '^window-shown-ms=' "$work/clone.out"), no JavaFX configuration warning"

# 1. Build.
if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building the installers: ./lambda-console package ${PACKAGE_ARGS:-}"
  b0=$(date +%s)
  # shellcheck disable=SC2086
  ./lambda-console package -q ${PACKAGE_ARGS:-} || fail "./lambda-console package failed"
  log "installers built in $(( $(date +%s) - b0 )) s"
fi
deb=$(ls installers/target/${pkg}_*_amd64.deb 2>/dev/null | head -1)
rpmfile=$(ls installers/target/${pkg}-*.x86_64.rpm 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no deb in installers/target"
[ -n "$rpmfile" ] || fail "no rpm in installers/target"
version=$(dpkg-deb -f "$deb" Version)
log "deb $(basename "$deb") $(du -k "$deb" | cut -f1) KiB, rpm $(basename "$rpmfile") $(du -k "$rpmfile" | cut -f1) KiB, version $version"
[ "$(rpm -qp --qf '%{VERSION}' "$rpmfile" 2>/dev/null)" = "${version%-*}" ] || fail "rpm version differs from the deb's ($version)"

# What is on the system before: whatever of these folders is new after the removal was left by the package.
system_dirs=(/opt /usr/share/applications /usr/share/icons /usr/share/desktop-directories /usr/share/doc /etc/xdg /usr/local/bin /usr/bin /var/lib/lambda-console)
snapshot() { { find "${system_dirs[@]}" -xdev 2>/dev/null || true; } | grep -v -e '^/usr/share/applications/mimeinfo.cache$' -e 'icon-theme.cache$' | sort; }
# xdg-desktop-menu needs the system menu folders (a minimal Debian has none; the package's postinst would then
# install no menu entry, and say so).
mkdir -p /etc/xdg/menus /usr/share/desktop-directories
snapshot > "$work/before.txt"

# 2. Install the deb.
log "dpkg -i $(basename "$deb")"
dpkg -i "$deb" > "$work/dpkg-i.log" 2>&1 || { cat "$work/dpkg-i.log"; fail "dpkg -i failed (missing dependencies? .ci/run installs xdg-utils, libgtk-3-0, libgl1)"; }
[ "$(dpkg-query -W -f='${Status}' "$pkg")" = "install ok installed" ] || fail "the package is not fully installed: $(dpkg-query -W -f='${Status}' "$pkg")"
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -x "$prefix/lib/runtime/bin/java" ] || fail "no java in the app's runtime"
[ -f "$desktop_entry" ] || fail "no menu entry $desktop_entry"
grep -q '^StartupWMClass=dev.lambdaconsole.app.shell.ConsoleApp$' "$desktop_entry" || fail "the menu entry has no StartupWMClass"
grep -q "^Exec=$launcher" "$desktop_entry" || fail "the menu entry does not start $launcher"
grep -q '^Categories=Development;' "$desktop_entry" || fail "the menu entry is not in Development"
[ "$(dpkg-deb -f "$deb" Section)" = devel ] || fail "deb Section is not devel"
modules=$("$prefix/lib/runtime/bin/java" --list-modules)
for m in javafx.controls javafx.graphics javafx.base jdk.compiler java.sql; do
  grep -q "^$m@" <<<"$modules" || fail "module $m is not in the app's runtime"
done
[ -f "$prefix/lib/runtime/lib/server/classes.jsa" ] || fail "the runtime has no class-data archive (jlink --generate-cds-archive)"
if ls "$prefix"/lib/app/javafx-* >/dev/null 2>&1; then fail "JavaFX jars are on the class path (lib/app): $(ls "$prefix"/lib/app/javafx-*)"; fi
writable=$(find "$prefix" -perm /022 ! -type l | head -5)
[ -z "$writable" ] || fail "files of the install folder are writable by group or others: $writable"
[ "$(find "$prefix" ! -user root | head -1)" = "" ] || fail "files of the install folder are not root's"
find "$prefix" | sort > "$work/installed-files.txt"
du -sm "$prefix" | cut -f1 > "$work/installed-mb.txt"
log "installed: $(cat "$work/installed-mb.txt") MB in $prefix, $(wc -l < "$work/installed-files.txt") files"

# 3. The console as a fresh user, with no JDK on the PATH.
useradd -m -s /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
clean_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
as_user() { runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" PATH="$clean_path" LANG=C.UTF-8 "$@"; }
if as_user sh -c 'command -v java' >/dev/null 2>&1; then
  log "note: $(as_user sh -c 'command -v java') is on the PATH; the app must not use it (checked below)"
fi

cat > "$work/window.sh" <<EOF
#!/bin/sh
# Under xvfb-run: start the console, wait for its window, let the engine start, screenshot, stop it.
"$launcher" > "$work/gui.out" 2> "$work/gui.err" &
app=\$!
shown=""
for i in \$(seq 1 120); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Lambda Console"'; then shown=\$i; break; fi
  kill -0 \$app 2>/dev/null || break
  sleep 0.25
done
if [ -z "\$shown" ]; then echo "no window" > "$work/gui.result"; kill \$app 2>/dev/null; exit 0; fi
sleep 6
tr '\0' ' ' < /proc/\$app/cmdline > "$work/gui.cmdline"
readlink /proc/\$app/exe > "$work/gui.exe"
grep -o '/[^ ]*libjvm.so' /proc/\$app/maps | sort -u > "$work/gui.libjvm"
import -window root "$work/window.png"
kill -TERM \$app
for i in \$(seq 1 40); do kill -0 \$app 2>/dev/null || break; sleep 0.25; done
kill -KILL \$app 2>/dev/null
echo "shown" > "$work/gui.result"
EOF
chmod 755 "$work/window.sh"
chown "$user" "$work"
log "launching $launcher as $user under Xvfb (HOME=$home)"
as_user xvfb-run -a -s "-screen 0 1280x800x24" "$work/window.sh" || fail "xvfb-run failed"
[ "$(cat "$work/gui.result" 2>/dev/null)" = shown ] || { cat "$work/gui.err" 2>/dev/null | tail -30; fail "the console's window did not appear within 30 s"; }
grep -q "Unsupported JavaFX configuration" "$work/gui.err" && fail "stderr says 'Unsupported JavaFX configuration': JavaFX is not on the module path"
grep -q "$prefix/lib/runtime/lib/server/libjvm.so" "$work/gui.libjvm" || fail "the console did not run on the app's own runtime: $(cat "$work/gui.libjvm")"
[ "$(cat "$work/gui.exe")" = "$launcher" ] || fail "the process is $(cat "$work/gui.exe"), not the installed launcher"
colours=$(identify -format '%k' "$work/window.png")
[ "$colours" -gt 50 ] || fail "the screenshot is blank ($colours colours): $work/window.png"
mkdir -p installers/target && cp "$work/window.png" installers/target/installed-app-window.png
log "window shown; screenshot $colours colours (installers/target/installed-app-window.png)"
[ -d "$home/LambdaConsole" ] || fail "the workspace was not created in the user's home ($home/LambdaConsole)"

runs=${STARTUP_RUNS:-5}
log "start-up to first window, $runs runs (the first one of a fresh home extracts JavaFX's libraries)"
: > "$work/startup.txt"
for i in $(seq 1 "$runs"); do
  as_user _JAVA_OPTIONS=-Dlambdaconsole.startupProbe=true timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
      "$launcher" > "$work/probe.out" 2> "$work/probe.err" || true
  ms=$(sed -n 's/^window-shown-ms=//p' "$work/probe.out")
  [ -n "$ms" ] || { tail -20 "$work/probe.err"; fail "start-up run $i printed no window-shown-ms"; }
  grep -q "Unsupported JavaFX configuration" "$work/probe.err" && fail "stderr says 'Unsupported JavaFX configuration'"
  echo "$ms $(sed -n 's/^engine-[a-z]*-ms=//p' "$work/probe.out")" >> "$work/startup.txt"
done
sorted=$(cut -d' ' -f1 "$work/startup.txt" | sort -n | tr '\n' ' ')
p50=$(cut -d' ' -f1 "$work/startup.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
log "first window (ms): $sorted(p50 $p50); engine ready (ms): $(cut -d' ' -f2 "$work/startup.txt" | tr '\n' ' ')"
[ -f "$home/.config/lambda-console/settings.properties" ] || fail "no settings in $home/.config/lambda-console after the console closed"

# 4. serve, headless, driven by the AWS CLI.
log "serve --backend process from the installed launcher"
# The launcher's own pid (runuser would not pass SIGTERM on and wait): sh writes it, then becomes the launcher.
as_user sh -c 'echo $$ > "$0"; exec "$@"' "$work/serve.pid" "$launcher" serve --port 0 --workspace "$home/ws" \
    --backend process > "$work/serve.out" 2> "$work/serve.err" &
runuser_pid=$!
for _ in $(seq 1 20); do [ -s "$work/serve.pid" ] && break; sleep 0.1; done
serve_pid=$(cat "$work/serve.pid")
url=""
for _ in $(seq 1 120); do
  url=$(sed -n 's/^Lambda API listening on //p' "$work/serve.out")
  [ -n "$url" ] && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 0.25
done
[ -n "$url" ] || { cat "$work/serve.out" "$work/serve.err"; fail "serve did not start"; }
grep -q "Unsupported JavaFX configuration" "$work/serve.err" && fail "serve's stderr says 'Unsupported JavaFX configuration'"
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
aws lambda list-functions --endpoint-url "$url" --output json > "$work/list.json" || fail "aws lambda list-functions failed"
grep -q '"Functions"' "$work/list.json" || fail "list-functions answered: $(cat "$work/list.json")"
mkdir -p "$work/fn" && cat > "$work/fn/lambda_function.py" <<'EOF'
import sys
def lambda_handler(event, context):
    return {"hello": event.get("name"), "python": sys.version.split()[0]}
EOF
(cd "$work/fn" && zip -q ../function.zip lambda_function.py)
aws lambda create-function --endpoint-url "$url" --function-name installed-hello --runtime python3.12 \
    --handler lambda_function.lambda_handler --role arn:aws:iam::000000000000:role/lambda \
    --zip-file "fileb://$work/function.zip" --output json > "$work/create.json" || fail "aws lambda create-function failed"
echo '{"name":"installed"}' > "$work/payload.json"   # fileb:// is raw bytes for the CLI v1 and v2 alike
aws lambda invoke --endpoint-url "$url" --function-name installed-hello \
    --payload "fileb://$work/payload.json" "$work/invoke.json" > "$work/invoke-meta.json" || fail "aws lambda invoke failed"
grep -q '"hello": *"installed"' "$work/invoke.json" || fail "the function answered: $(cat "$work/invoke.json") $(cat "$work/invoke-meta.json")"
grep -q FunctionError "$work/invoke-meta.json" && fail "the invocation failed: $(cat "$work/invoke.json")"
log "AWS CLI against $url: list-functions, create-function, invoke -> $(cat "$work/invoke.json")"
kill -TERM "$serve_pid"
for _ in $(seq 1 60); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.25; done
kill -0 "$serve_pid" 2>/dev/null && fail "serve did not stop on SIGTERM"
wait "$runuser_pid" || true
grep -q '^Stopped.' "$work/serve.out" || fail "serve did not stop cleanly: $(tail -3 "$work/serve.out")"
serve_pid=""

# In-process compilation (Java functions' deploy) needs jdk.compiler and ct.sym in the runtime.
mkdir -p "$work/javac" && printf 'public class Hi { public static void main(String[] a) { System.out.println("compiled"); } }\n' > "$work/javac/Hi.java"
chown -R "$user" "$work/javac"
as_user "$prefix/lib/runtime/bin/java" -m jdk.compiler/com.sun.tools.javac.Main --release 17 -d "$work/javac" "$work/javac/Hi.java" \
    || fail "javac of the app's runtime failed (--release 17)"

# 5. Nothing was written into the install folder; the user's data is in the user's folders.
find "$prefix" | sort | diff - "$work/installed-files.txt" > "$work/written.diff" || fail "the install folder changed while the app ran: $(head -5 "$work/written.diff")"
for d in "$home/.config/lambda-console" "$home/LambdaConsole/.lambda-console" "$home/ws/functions/installed-hello"; do
  [ -e "$d" ] || fail "$d is missing: the app keeps its data elsewhere?"
done
log "user data: $(cd "$home" && find . -maxdepth 2 -mindepth 1 | sort | tr '\n' ' ')"

# 6. Remove the deb: nothing of it outside the user's folders.
dpkg -r "$pkg" > "$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log"; fail "dpkg -r failed"; }
dpkg -P "$pkg" >> "$work/dpkg-r.log" 2>&1 || fail "dpkg -P failed"
[ ! -e "$prefix" ] || fail "$prefix is still there after dpkg -r: $(find "$prefix" | head -5)"
[ ! -e "$desktop_entry" ] || fail "the menu entry $desktop_entry is still there after dpkg -r"
snapshot > "$work/after.txt"
left=$(comm -13 "$work/before.txt" "$work/after.txt")
[ -z "$left" ] || fail "left on the system after dpkg -r: $left"
log "deb removed; nothing left outside $home"

# The rpm, installed with rpm itself (Debian's rpm database is empty, hence --nodeps).
log "rpm -i --nodeps $(basename "$rpmfile")"
rpm -i --nodeps "$rpmfile" > "$work/rpm-i.log" 2>&1 || { cat "$work/rpm-i.log"; fail "rpm -i failed"; }
[ -x "$launcher" ] || fail "the rpm installed no $launcher"
[ "$(rpm -ql "$pkg" | grep -c "^$prefix/lib/app/.*\.jar$")" -gt 10 ] || fail "the rpm lists too few jars"
as_user "$launcher" --help > "$work/rpm-help.out" 2>&1 || fail "the rpm's launcher failed: $(cat "$work/rpm-help.out")"
grep -q "lambda-console serve" "$work/rpm-help.out" || fail "the rpm's launcher printed: $(cat "$work/rpm-help.out")"
rpm -e "$pkg" > "$work/rpm-e.log" 2>&1 || { cat "$work/rpm-e.log"; fail "rpm -e failed"; }
[ ! -e "$prefix" ] || fail "$prefix is still there after rpm -e"
snapshot > "$work/after-rpm.txt"
left=$(comm -13 "$work/before.txt" "$work/after-rpm.txt")
[ -z "$left" ] || fail "left on the system after rpm -e: $left"

{
  echo "date=$(date -u +%FT%TZ)"
  echo "deb=$(basename "$deb") $(du -k "$deb" | cut -f1) KiB"
  echo "rpm=$(basename "$rpmfile") $(du -k "$rpmfile" | cut -f1) KiB"
  echo "installed=$(cat "$work/installed-mb.txt") MB"
  echo "first-window-ms=$sorted"
  echo "first-window-p50-ms=$p50"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
} > installers/target/installed-app.txt
log "rpm installed, answered and removed"
log "passed in $(( $(date +%s) - t0 )) s (installers/target/installed-app.txt)"

@echo off
rem Lambda Console launcher for Windows: builds on first use, then runs (see README.md).
setlocal
set "HERE=%~dp0"
where java >nul 2>nul || (echo lambda-console: Java 17 or newer is needed; install a JDK 17+ & exit /b 1)
if "%~1"=="test" (
  shift
  call "%HERE%mvnw.cmd" -B --no-transfer-progress verify
  exit /b %ERRORLEVEL%
)
if "%~1"=="package" (
  rem The msi into installers\target (needs WiX 3 on the PATH); see README's Install section.
  call "%HERE%mvnw.cmd" -B --no-transfer-progress -Ppackage -pl installers -am -DskipTests package
  exit /b %ERRORLEVEL%
)
if "%~1"=="bench" (
  if not exist "%HERE%benchmarks\target\benchmarks-1.0.0-SNAPSHOT.jar" call "%HERE%mvnw.cmd" -q -B -DskipTests install || exit /b 1
  java -cp "%HERE%benchmarks\target\benchmarks-1.0.0-SNAPSHOT.jar;%HERE%benchmarks\target\lib\*" dev.lambdaconsole.benchmarks.Bench %2 %3 %4 %5 %6 %7 %8 %9
  exit /b %ERRORLEVEL%
)
if not exist "%HERE%app\target\fx" (
  echo lambda-console: building on first use...
  call "%HERE%mvnw.cmd" -q -B -DskipTests install || exit /b 1
)
rem JavaFX on the module path (app\target\fx), the rest on the class path; options in app\src\main\jvm\jvm-options.
java --module-path "%HERE%app\target\fx" "@%HERE%app\src\main\jvm\jvm-options" -cp "%HERE%app\target\lambda-console.jar;%HERE%app\target\lib\*" dev.lambdaconsole.app.Main %*
exit /b %ERRORLEVEL%

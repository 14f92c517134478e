@echo off
rem sitrep from its release archive on Windows: needs only a Java 17 (or later) runtime on the PATH or in JAVA_HOME.
setlocal
set "HERE=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not defined SITREP_JAVA_OPTS set "SITREP_JAVA_OPTS=-Xmx2560m"
"%JAVA%" %SITREP_JAVA_OPTS% -cp "%HERE%\lib\*" sitrep.cli.Main %*

@echo off
rem The onramp command of this Onramp installation (Windows). Usage: onramp --help
rem Java: the first Java 21 or newer of %ONRAMP_JAVA_HOME%, %JAVA_HOME% and the java on the PATH, its version read
rem from the JDK's release file (choosing starts no JVM).
rem Files: the secure storage's master password, the start-up archive and (decided by the application) Onramp's data
rem directory live in %LOCALAPPDATA%\Onramp, the per-user folder that Windows does not roam.
rem No delayed expansion: an argument such as a Wi-Fi password may contain "!". No %VARIABLE% of a path inside a
rem parenthesised block either: a folder such as "C:\Program Files (x86)" would end the block.
setlocal EnableExtensions DisableDelayedExpansion

set "ONRAMP_INSTALLATION=%~dp0"
if "%ONRAMP_INSTALLATION:~-1%"=="\" set "ONRAMP_INSTALLATION=%ONRAMP_INSTALLATION:~0,-1%"

set "ONRAMP_JAVA="
if defined ONRAMP_JAVA_HOME call :consider "%ONRAMP_JAVA_HOME%"
if not defined ONRAMP_JAVA if defined JAVA_HOME call :consider "%JAVA_HOME%"
if not defined ONRAMP_JAVA for /f "delims=" %%J in ('where java 2^>nul') do call :consider_executable "%%~J"
if defined ONRAMP_JAVA goto :java_found
echo onramp: no Java 21 or newer found (looked at ONRAMP_JAVA_HOME, JAVA_HOME and the java on the PATH). 1>&2
echo onramp: install one (for example Temurin 21 or 25) and set JAVA_HOME to it. 1>&2
exit /b 1
:java_found

set "ONRAMP_LAUNCHER="
for %%L in ("%ONRAMP_INSTALLATION%\plugins\org.eclipse.equinox.launcher_*.jar") do set "ONRAMP_LAUNCHER=%%~fL"
if defined ONRAMP_LAUNCHER goto :launcher_found
echo onramp: this installation, %ONRAMP_INSTALLATION%, has no Equinox launcher in plugins\; install Onramp again. 1>&2
exit /b 1
:launcher_found

set "ONRAMP_LOCAL=%LOCALAPPDATA%\Onramp"
if not defined LOCALAPPDATA set "ONRAMP_LOCAL=%USERPROFILE%\AppData\Local\Onramp"
if not exist "%ONRAMP_LOCAL%\cache" mkdir "%ONRAMP_LOCAL%\cache"

rem Secrets at rest (the CA key-store password) live in Eclipse secure storage; its master password comes from a file
rem made once in the user's own folder, so the master passwords of an Eclipse IDE on the same account are never mixed
rem with it. CI may set ONRAMP_CA_PASSWORD instead.
set "ONRAMP_MASTER=%ONRAMP_LOCAL%\secure-storage.password"
if exist "%ONRAMP_MASTER%" goto :master_password_made
powershell -NoProfile -NonInteractive -Command "$b = New-Object byte[] 32; (New-Object Security.Cryptography.RNGCryptoServiceProvider).GetBytes($b); [IO.File]::WriteAllText($env:ONRAMP_MASTER + '.tmp', [Convert]::ToBase64String($b)); Move-Item -Force ($env:ONRAMP_MASTER + '.tmp') $env:ONRAMP_MASTER"
if not errorlevel 1 goto :master_password_made
echo onramp: could not create the secure storage's master password file %ONRAMP_MASTER%. 1>&2
exit /b 1
:master_password_made

rem Start-up: a class-data archive made at the first run, the serial GC, and the client compiler, which is enough for
rem what most commands do. The commands that do big-number cryptography (SRP-3072 handshakes for every device of a
rem fleet, key generation), named as the first word, keep the optimising compiler: with the client compiler alone
rem BigInteger.modPow runs about ten times slower. JVM messages go to stderr, errors only: stdout carries the result
rem (one JSON document with --json).
set "ONRAMP_JIT=-XX:TieredStopAtLevel=1"
for %%C in (fleet provision demo reprovision ca) do if /i "%~1"=="%%C" set "ONRAMP_JIT="
"%ONRAMP_JAVA%" -Xlog:disable -Xlog:all=error:stderr -XX:+UseSerialGC %ONRAMP_JIT% -XX:-UsePerfData -Xshare:auto ^
 "-XX:SharedArchiveFile=%ONRAMP_LOCAL%\cache\onramp.jsa" -XX:+AutoCreateSharedArchive ^
 "-Djava.util.logging.config.file=%ONRAMP_INSTALLATION%\logging.properties" ^
 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err ^
 %ONRAMP_JAVA_OPTS% ^
 -jar "%ONRAMP_LAUNCHER%" -nosplash -eclipse.keyring "%ONRAMP_LOCAL%\secure_storage" ^
 -eclipse.password "%ONRAMP_MASTER%" -application dev.onramp.headless.app %*
exit /b %ERRORLEVEL%

rem A Java home; chosen when it is the first with Java 21 or newer, read from its release file (JAVA_VERSION="21.0.5")
:consider
if defined ONRAMP_JAVA exit /b 0
if not exist "%~1\bin\java.exe" exit /b 0
if not exist "%~1\release" exit /b 0
set "ONRAMP_VERSION="
for /f "tokens=2 delims==" %%V in ('findstr /b /c:"JAVA_VERSION=" "%~1\release"') do set "ONRAMP_VERSION=%%~V"
if not defined ONRAMP_VERSION exit /b 0
set "ONRAMP_FEATURE=0"
for /f "delims=." %%M in ("%ONRAMP_VERSION%") do set "ONRAMP_FEATURE=%%M"
if %ONRAMP_FEATURE% GEQ 21 set "ONRAMP_JAVA=%~f1\bin\java.exe"
exit /b 0

rem A java.exe on the PATH: its home is the folder above bin
:consider_executable
call :consider "%~dp1.."
exit /b 0

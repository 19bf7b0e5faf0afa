#!/usr/bin/env bash
# Certificate issuance benchmark (issue 4): ec-p256 vs the rsa-2048 pyDirect profile vs `openssl req -x509`.
#
# Usage: tests/dev.onramp.certs.tests/run-benchmark.sh [seconds-per-case]   (default 5)
#
# The benchmark is a plain Java main, so it does not need the Tycho reactor or an OSGi runtime: this script writes a
# small Maven project under this fragment's target/ (ignored by git) whose sources are the core bundle, the certs
# bundle and this fragment, compiles it with the bootstrap Maven against the same library versions as the target
# platform, and runs dev.onramp.certs.tests.bench.IssuanceBenchmark on the resulting class path.
# The JDK and Maven are the ones the build scripts select (releng/scripts/env.sh); MVN_ARGS adds Maven arguments,
# for example -o to stay offline.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=../../releng/scripts/env.sh
source "$repo/releng/scripts/env.sh"
onramp_select_jdk
onramp_select_maven
mvn="$ONRAMP_MVN"
project="$here/target/bench-project"
mkdir -p "$project"

cat > "$project/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.onramp.bench</groupId>
  <artifactId>certs-benchmark</artifactId>
  <version>0.0.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcprov-jdk18on</artifactId><version>1.86</version></dependency>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcpkix-jdk18on</artifactId><version>1.86</version></dependency>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcutil-jdk18on</artifactId><version>1.86</version></dependency>
    <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.15.0</version></dependency>
    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.component.annotations</artifactId><version>1.5.1</version></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.core.runtime</artifactId><version>3.35.0</version><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.equinox.common</artifactId><version>3.21.0</version><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.osgi</artifactId><version>3.24.300</version><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.equinox.security</artifactId><version>1.4.700</version><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.eclipse.platform</groupId><artifactId>org.eclipse.equinox.preferences</artifactId><version>3.12.100</version><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version></dependency>
  </dependencies>
  <build>
    <resources>
      <resource><directory>$repo/bundles/dev.onramp.core/src</directory><excludes><exclude>**/*.java</exclude></excludes></resource>
      <resource><directory>$repo/bundles/dev.onramp.certs/src</directory><excludes><exclude>**/*.java</exclude></excludes></resource>
    </resources>
    <plugins>
      <plugin>
        <artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
        <executions><execution><id>default-compile</id><configuration>
          <compileSourceRoots>
            <root>$repo/bundles/dev.onramp.core/src</root>
            <root>$repo/bundles/dev.onramp.certs/src</root>
            <root>$repo/tests/dev.onramp.certs.tests/src</root>
          </compileSourceRoots>
        </configuration></execution></executions>
      </plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
POM

# shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
"$mvn" -B -q ${MVN_ARGS:-} -f "$project/pom.xml" compile dependency:build-classpath \
	-Dmdep.outputFile="$project/classpath.txt" -Dmdep.includeScope=compile

exec "$JAVA_HOME/bin/java" -cp "$project/target/classes:$(cat "$project/classpath.txt")" \
	dev.onramp.certs.tests.bench.IssuanceBenchmark "$@"

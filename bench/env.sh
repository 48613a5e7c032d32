# Shared by the benchmark scripts, sourced first: the launcher to run (STEWARD, default
# ./steward) and a JDK 21+ (JAVA_HOME, default Temurin 25 where installed).
STEWARD=${STEWARD:-./steward}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME

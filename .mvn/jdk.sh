# Sourced by ./mvnw and .ci/run: make JAVA_HOME point at a JDK >= 21.
# Keeps a JAVA_HOME that is already recent enough; otherwise tries the java on the PATH, then
# the JDKs installed in the usual places, newest first.
java_feature() { # prints the feature version (17, 21, 25...) of the java binary $1
	"$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

select_jdk() {
	for candidate in ${JAVA_HOME:+"$JAVA_HOME"} \
		"$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
		$(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
		if [ -x "$candidate/bin/javac" ] && [ "$(java_feature "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
			JAVA_HOME="$candidate"
			export JAVA_HOME
			return 0
		fi
	done
	echo "No JDK 21 or newer found (looked at JAVA_HOME, the java on the PATH, /usr/lib/jvm, /opt/java," >&2
	echo "~/.sdkman). Install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
	return 1
}

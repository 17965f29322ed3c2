# Sourced by the workflow benchmarks: builds the modules and sets $cp to workflow's test classpath.
./mvnw -B -q -ntp -pl workflow -am -DskipTests install >/dev/null
cp=$(./mvnw -B -q -ntp -pl workflow dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
cp="workflow/target/test-classes:workflow/target/classes:$cp"

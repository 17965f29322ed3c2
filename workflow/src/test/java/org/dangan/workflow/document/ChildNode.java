package org.dangan.workflow.document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dang'an node in a JVM of its own, on this test's class path, its output read line by line:
 * for what one test JVM cannot show (a kill -9, a native library that is not there).
 */
record ChildNode(Process process, BlockingQueue<String> lines) {

    /** Starts {@code main} with the JVM options and arguments given, on H2 whatever profile the suite runs with. */
    static ChildNode start(List<String> jvmOptions, Class<?> main, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the node was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new ChildNode(process, lines);
    }

    /** The first line from now on that matches, within 4 minutes; the node's last lines when it dies first. */
    Matcher await(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(".*" + regex + ".*");
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        ArrayDeque<String> last = new ArrayDeque<>();
        while (System.nanoTime() < end) {
            String line = lines.poll(5, TimeUnit.SECONDS);
            if (line != null) {
                if (last.size() == 30) {
                    last.removeFirst();
                }
                last.addLast(line);
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    return m;
                }
            }
            if (line == null && !process.isAlive()) {
                throw new AssertionError(
                        "the node died before printing " + regex + "; its last lines:\n" + String.join("\n", last));
            }
        }
        throw new AssertionError("the node did not print " + regex + " within 4 minutes");
    }
}

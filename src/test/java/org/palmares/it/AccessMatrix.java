package org.palmares.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access matrix of {@code docs/access-matrix.md}: who may call which page or REST path, read from the
 * Markdown table that documents it.
 */
final class AccessMatrix {
    static final Path FILE = Path.of("docs/access-matrix.md");

    /** The people of the columns, in the order of the table. */
    enum Subject {
        ANONYMOUS("anonymous", null),
        TERRITORY_A("territory A", "contact@mde-garrigue.demo.palmares.org"),
        TERRITORY_B("territory B", "contact@mde-olaine.demo.palmares.org"),
        JUROR_ASSIGNED("juror assigned", "jure01@demo.palmares.org"),
        JUROR_NOT_ASSIGNED("juror not assigned", "jure02@demo.palmares.org"),
        JUROR_CONFLICTED("juror conflicted", "jure03@demo.palmares.org"),
        JUROR_WITHOUT_CHARTER("juror without charter", "jure04@demo.palmares.org"),
        ORGANISER("organiser", Demo.ORGANISER);

        final String column;
        final String email;

        Subject(String column, String email) {
            this.column = column;
            this.email = email;
        }
    }

    /** One line of the table: a request and the outcome expected for each subject. */
    record Row(int line, String method, String path, String body, Map<Subject, String> expected, String why) {
        /** A row that puts the demo edition in a phase ({@link #path()} names it) instead of calling anything. */
        boolean phase() {
            return method.equals("PHASE");
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

    private AccessMatrix() {}

    static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("| method | path |")) {
                List<String> header = cells(line);
                Subject[] subjects = Subject.values();
                for (int s = 0; s < subjects.length; s++) {
                    if (!header.get(3 + s).equals(subjects[s].column)) {
                        throw new IllegalStateException("column " + (4 + s) + " of " + FILE + " should be "
                                + subjects[s].column + ", is " + header.get(3 + s));
                    }
                }
                inTable = true;
                i++; // the separator line
                continue;
            }
            if (!inTable) continue;
            if (!line.startsWith("|")) break;
            List<String> cells = cells(line);
            if (cells.size() < 3 + Subject.values().length) {
                throw new IllegalStateException(FILE + " line " + (i + 1) + ": too few cells: " + line);
            }
            Map<Subject, String> expected = new java.util.EnumMap<>(Subject.class);
            for (Subject s : Subject.values()) expected.put(s, cells.get(3 + s.ordinal()));
            rows.add(new Row(
                    i + 1,
                    cells.get(0),
                    unquote(cells.get(1)),
                    unquote(cells.get(2)),
                    expected,
                    cells.size() > 3 + Subject.values().length ? cells.get(3 + Subject.values().length) : ""));
        }
        if (rows.isEmpty()) throw new IllegalStateException("no access table in " + FILE);
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    /** The text with each {@code {name}} replaced by its value; an unknown placeholder is an error of the table. */
    static String resolve(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("unknown placeholder {" + m.group(1) + "} in " + text);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What the answer was, in the words of the table: a status, {@code login} or {@code home}. */
    static String outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 302 || status == 303) {
            String location = response.headers().firstValue("Location").orElse("");
            return location.contains("/login.xhtml") ? "login" : "home";
        }
        return String.valueOf(status);
    }

    /** Why an answer that has the expected status is still wrong (a 4xx that is not a problem, a stack trace), or null. */
    static String flaw(Row row, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (body.contains("at org.") || body.contains("Exception:")) return "a stack trace in the answer";
        if (status >= 400 && row.api()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) return "a " + status + " that is not problem JSON";
        }
        if (status == 403 && !row.api() && !body.contains("Accès refusé")) return "a 403 without the refusal page";
        return null;
    }
}

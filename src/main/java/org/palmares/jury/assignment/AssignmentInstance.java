package org.palmares.jury.assignment;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An assignment problem in the JSON instance format of {@code scripts/assign.sh}, and a plan in the matching solution
 * format, so that support and benchmarks run the production solver on a file.
 *
 * <p>Instance, with every field but {@code jurors} and {@code nominations} optional:
 *
 * <pre>{@code
 * {"reviewsPerNomination": 3,
 *  "weights": {"missingExpertise": 10, "sameRegion": 3, "balance": 1},
 *  "jurors": [{"id": "j1", "capacity": 12, "region": "ARA", "expertise": ["SOC", "MIX"]}],
 *  "nominations": [{"id": "n1", "category": "SOC", "region": "IDF", "reviews": 3}],
 *  "conflicts": [["j1", "n7"]],
 *  "locked": [["j2", "n3"]]}
 * }</pre>
 *
 * A nomination's {@code reviews} defaults to {@code reviewsPerNomination}, which defaults to 3; each weight defaults
 * to its {@link Weights#DEFAULT} value; a missing or null {@code region} is unknown and shared with no one. Unknown
 * fields are refused rather than ignored, because a misspelt {@code "conflict"} would otherwise silently assign
 * conflicted jurors.
 *
 * <p>Solution: {@code status}, {@code objective} and its {@code cost} terms, every pair kept or new in
 * {@code assignments} (sorted by juror then nomination), the {@code load} per juror (min, mean, max), the
 * {@code expertiseShare} of pairs whose juror is expert in the category, and, when {@code INFEASIBLE}, an
 * {@code infeasibility} report: per nomination what is missing and why, and how many juror-places would fill them.
 */
public final class AssignmentInstance {
    /** The edition default of the jurors each nomination needs. */
    public static final int DEFAULT_REVIEWS_PER_NOMINATION = 3;

    // Looked up once: each static Json.createX() call runs a service-loader lookup over the whole classpath.
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final List<String> INSTANCE_FIELDS =
            List.of("reviewsPerNomination", "weights", "jurors", "nominations", "conflicts", "locked");
    private static final List<String> WEIGHT_FIELDS = List.of("missingExpertise", "sameRegion", "balance");
    private static final List<String> JUROR_FIELDS = List.of("id", "capacity", "region", "expertise");
    private static final List<String> NOMINATION_FIELDS = List.of("id", "category", "region", "reviews");

    private final int reviewsPerNomination;
    private final AssignmentProblem problem;

    /**
     * @param reviewsPerNomination only decides which nominations are written with their own {@code reviews}; the
     *     problem's nominations carry what each requires
     */
    public AssignmentInstance(int reviewsPerNomination, AssignmentProblem problem) {
        if (reviewsPerNomination < 0) {
            throw new IllegalArgumentException("reviewsPerNomination cannot be negative: " + reviewsPerNomination);
        }
        this.reviewsPerNomination = reviewsPerNomination;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Reads an instance; anything malformed, out of range or inconsistent is an {@link InvalidInstanceException}. */
    public static AssignmentInstance read(Reader json) {
        JsonValue root;
        // A parser rather than a reader, to refuse text after the instance: a file cut and pasted twice is a mistake.
        try (JsonParser parser = JSON.createParser(json)) {
            parser.next();
            root = parser.getValue();
            if (parser.hasNext()) {
                throw new InvalidInstanceException("not valid JSON: more text follows the end of the instance");
            }
        } catch (JsonParsingException e) {
            throw new InvalidInstanceException("not valid JSON: " + oneLine(e.getMessage()));
        } catch (JsonException | NoSuchElementException e) {
            // Reading errors (an unreadable file, bytes that are not UTF-8) reach us wrapped in a JsonException.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidInstanceException("cannot read the instance: " + oneLine(String.valueOf(cause)));
        }
        return new Parser().instance(root);
    }

    public static AssignmentInstance parse(String json) {
        return read(new StringReader(json));
    }

    public int reviewsPerNomination() {
        return reviewsPerNomination;
    }

    public AssignmentProblem problem() {
        return problem;
    }

    public AssignmentPlan solve() {
        return AssignmentSolver.solve(problem);
    }

    /** This instance in the format {@link #read} takes, so that a generated problem can be given to the script. */
    public JsonObject toJson() {
        Weights weights = problem.weights();
        JsonArrayBuilder jurors = JSON.createArrayBuilder();
        for (JurorSlot juror : problem.jurors()) {
            JsonObjectBuilder object =
                    JSON.createObjectBuilder().add("id", juror.id()).add("capacity", juror.capacity());
            if (juror.region() != null) {
                object.add("region", juror.region());
            }
            jurors.add(object.add("expertise", JSON.createArrayBuilder(new TreeSet<>(juror.expertise()))));
        }
        JsonArrayBuilder nominations = JSON.createArrayBuilder();
        for (NominationNeed nomination : problem.nominations()) {
            JsonObjectBuilder object =
                    JSON.createObjectBuilder().add("id", nomination.id()).add("category", nomination.categoryCode());
            if (nomination.territoryRegion() != null) {
                object.add("region", nomination.territoryRegion());
            }
            if (nomination.required() != reviewsPerNomination) {
                object.add("reviews", nomination.required());
            }
            nominations.add(object);
        }
        return JSON.createObjectBuilder()
                .add("reviewsPerNomination", reviewsPerNomination)
                .add(
                        "weights",
                        JSON.createObjectBuilder()
                                .add("missingExpertise", weights.missingExpertise())
                                .add("sameRegion", weights.sameRegion())
                                .add("balance", weights.balance()))
                .add("jurors", jurors)
                .add("nominations", nominations)
                .add("conflicts", pairs(problem.forbidden()))
                .add("locked", pairs(problem.kept()))
                .build();
    }

    /** A plan in the solution format; see the class comment. */
    public static JsonObject solutionOf(AssignmentPlan plan) {
        AssignmentProblem problem = plan.problem();
        Map<String, JurorSlot> jurors = new HashMap<>();
        problem.jurors().forEach(juror -> jurors.put(juror.id(), juror));
        Map<String, NominationNeed> nominations = new HashMap<>();
        problem.nominations().forEach(nomination -> nominations.put(nomination.id(), nomination));

        Collection<Pair> all = plan.allAssignments();
        long withExpertise = all.stream()
                .filter(pair -> jurors.get(pair.jurorId())
                        .isExpertIn(nominations.get(pair.nominationId()).categoryCode()))
                .count();

        JsonObjectBuilder solution = JSON.createObjectBuilder()
                .add("status", plan.status().name())
                .add("objective", plan.objective())
                .add(
                        "cost",
                        JSON.createObjectBuilder()
                                .add("missingExpertise", plan.cost().missingExpertise())
                                .add("sameRegion", plan.cost().sameRegion())
                                .add("balance", plan.cost().balance()))
                .add("pairs", all.size())
                .add("kept", problem.kept().size())
                .add("added", plan.assignments().size())
                .add("load", load(plan))
                // No pair at all has no share to speak of; 0 keeps the field a number.
                .add("expertiseShare", ratio(withExpertise, all.size(), 4))
                .add("assignments", pairs(all));
        if (plan.status() == AssignmentPlan.Status.INFEASIBLE) {
            solution.add("infeasibility", infeasibility(plan));
        }
        return solution.build();
    }

    /**
     * Writes JSON for people as much as for programs: the outer objects and every array of objects or arrays one
     * entry a line, everything deeper on one line, so that an assignment pair or a nomination reads as one line
     * rather than the four to twenty a generic pretty printer gives it.
     */
    public static void writeReadable(JsonValue json, Appendable out) {
        try {
            write(json, 0, "", out);
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toReadableText(JsonValue json) {
        StringBuilder text = new StringBuilder();
        writeReadable(json, text);
        return text.toString();
    }

    private static void write(JsonValue value, int depth, String indent, Appendable out) throws IOException {
        String inner = indent + "  ";
        if (value instanceof JsonObject object && depth <= 1 && !object.isEmpty()) {
            out.append("{\n");
            int left = object.size();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                out.append(inner)
                        .append(JSON.createValue(entry.getKey()).toString())
                        .append(": ");
                write(entry.getValue(), depth + 1, inner, out);
                out.append(--left > 0 ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof JsonArray array && !array.isEmpty() && holdsOnlyStructures(array)) {
            out.append("[\n");
            int left = array.size();
            for (JsonValue element : array) {
                out.append(inner);
                write(element, depth + 1, inner, out);
                out.append(--left > 0 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(value.toString());
        }
    }

    private static boolean holdsOnlyStructures(JsonArray array) {
        return array.stream()
                .allMatch(element -> element.getValueType() == JsonValue.ValueType.OBJECT
                        || element.getValueType() == JsonValue.ValueType.ARRAY);
    }

    private static JsonObject load(AssignmentPlan plan) {
        Collection<Integer> loads = plan.loads().values();
        int min = loads.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = loads.stream().mapToInt(Integer::intValue).max().orElse(0);
        long total = loads.stream().mapToLong(Integer::longValue).sum();
        return JSON.createObjectBuilder()
                .add("min", min)
                .add("mean", ratio(total, loads.size(), 2))
                .add("max", max)
                .build();
    }

    /**
     * Every shortfall's figures, and the juror-places that would fill them all. Each missing pair needs exactly one
     * more place: the solver's flow is maximum, so no reshuffle fills a gap, and a full juror without conflict is
     * there for every gap due to capacity, so one place each is enough. Gaps due to conflicts need new jurors, as many
     * as the largest such gap on one nomination.
     */
    private static JsonObject infeasibility(AssignmentPlan plan) {
        Map<String, List<String>> conflictedJurorsOf = new HashMap<>();
        for (Pair pair : plan.problem().forbidden()) {
            conflictedJurorsOf
                    .computeIfAbsent(pair.nominationId(), id -> new ArrayList<>())
                    .add(pair.jurorId());
        }
        JsonArrayBuilder nominations = JSON.createArrayBuilder();
        int fromExistingJurors = 0;
        int fromNewJurors = 0;
        int newJurors = 0;
        for (Shortfall shortfall : plan.shortfalls()) {
            fromExistingJurors += shortfall.missingBecauseOfCapacity();
            fromNewJurors += shortfall.missingBecauseOfConflicts();
            newJurors = Math.max(newJurors, shortfall.missingBecauseOfConflicts());
            JsonArrayBuilder reasons = JSON.createArrayBuilder();
            shortfall.reasons().forEach(reason -> reasons.add(reason.name()));
            JsonObjectBuilder nomination = JSON.createObjectBuilder()
                    .add("id", shortfall.nominationId())
                    .add("required", shortfall.required())
                    .add("assigned", shortfall.assigned())
                    .add("missing", shortfall.missing())
                    .add("reasons", reasons)
                    .add("jurorsWithoutConflict", shortfall.jurorsWithoutConflict())
                    .add("jurorsFull", shortfall.jurorsFull());
            if (shortfall.reasons().contains(Shortfall.Reason.TOO_FEW_JURORS_WITHOUT_CONFLICT)) {
                // The conflicts are what blocks this nomination, so name them.
                nomination.add(
                        "conflictedJurors",
                        JSON.createArrayBuilder(conflictedJurorsOf.getOrDefault(shortfall.nominationId(), List.of())));
            }
            nominations.add(nomination.add("explanation", shortfall.describe()));
        }
        return JSON.createObjectBuilder()
                .add("nominationsShort", plan.shortfalls().size())
                .add("missingAssignments", plan.missingAssignments())
                .add("extraJurorPlacesNeeded", plan.missingAssignments())
                .add("placesOnExistingJurors", fromExistingJurors)
                .add("placesOnNewJurors", fromNewJurors)
                .add("newJurorsNeeded", newJurors)
                .add("nominations", nominations)
                .build();
    }

    private static BigDecimal ratio(long numerator, long denominator, int decimals) {
        if (denominator == 0) {
            return BigDecimal.ZERO.setScale(decimals);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_EVEN);
    }

    private static JsonArrayBuilder pairs(Collection<Pair> pairs) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Pair pair : pairs) {
            array.add(JSON.createArrayBuilder().add(pair.jurorId()).add(pair.nominationId()));
        }
        return array;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Turns the JSON tree into a problem, checking each field where it is so the error can say where. */
    private static final class Parser {
        private final Map<String, Integer> jurorIndex = new HashMap<>();
        private final Map<String, Integer> nominationIndex = new HashMap<>();

        AssignmentInstance instance(JsonValue root) {
            JsonObject instance = object(root, "the instance");
            requireKnownFields(instance, INSTANCE_FIELDS, "the instance");
            int reviews = optionalCount(instance, "reviewsPerNomination", "", DEFAULT_REVIEWS_PER_NOMINATION);
            Weights weights = weights(instance.get("weights"));
            List<JurorSlot> jurors = jurors(requiredArray(instance, "jurors"));
            List<NominationNeed> nominations = nominations(requiredArray(instance, "nominations"), reviews);
            Set<Pair> conflicts = pairs(instance, "conflicts");
            Set<Pair> locked = pairs(instance, "locked");
            checkLocked(instance, conflicts, jurors);
            try {
                return new AssignmentInstance(
                        reviews, new AssignmentProblem(jurors, nominations, conflicts, locked, weights));
            } catch (IllegalArgumentException e) {
                // The checks above should leave nothing for the problem to refuse; if they missed a rule, still answer
                // with its message rather than a stack trace.
                throw new InvalidInstanceException(e.getMessage());
            }
        }

        private Weights weights(JsonValue value) {
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return Weights.DEFAULT;
            }
            JsonObject weights = object(value, "weights");
            requireKnownFields(weights, WEIGHT_FIELDS, "weights");
            return new Weights(
                    optionalCount(weights, "missingExpertise", "weights.", Weights.DEFAULT.missingExpertise()),
                    optionalCount(weights, "sameRegion", "weights.", Weights.DEFAULT.sameRegion()),
                    optionalCount(weights, "balance", "weights.", Weights.DEFAULT.balance()));
        }

        private List<JurorSlot> jurors(JsonArray array) {
            List<JurorSlot> jurors = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String at = "jurors[" + i + "]";
                JsonObject juror = object(array.get(i), at);
                String id = id(juror, at, jurorIndex, i, "jurors");
                at += " (id " + quoted(id) + ")";
                requireKnownFields(juror, JUROR_FIELDS, at);
                int capacity = requiredCount(juror, "capacity", at);
                String region = optionalString(juror, "region", at);
                Set<String> expertise = new LinkedHashSet<>();
                JsonValue codes = juror.get("expertise");
                if (codes != null && codes.getValueType() != JsonValue.ValueType.NULL) {
                    JsonArray list = array(codes, at + ": expertise");
                    for (int c = 0; c < list.size(); c++) {
                        expertise.add(string(list.get(c), at + ": expertise[" + c + "]"));
                    }
                }
                jurors.add(new JurorSlot(id, capacity, region, expertise));
            }
            return jurors;
        }

        private List<NominationNeed> nominations(JsonArray array, int reviewsPerNomination) {
            List<NominationNeed> nominations = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String at = "nominations[" + i + "]";
                JsonObject nomination = object(array.get(i), at);
                String id = id(nomination, at, nominationIndex, i, "nominations");
                at += " (id " + quoted(id) + ")";
                requireKnownFields(nomination, NOMINATION_FIELDS, at);
                JsonValue category = nomination.get("category");
                if (category == null) {
                    throw new InvalidInstanceException(at + ": category is missing");
                }
                String code = string(category, at + ": category");
                if (code.isBlank()) {
                    throw new InvalidInstanceException(at + ": category is blank");
                }
                nominations.add(new NominationNeed(
                        id,
                        code,
                        optionalString(nomination, "region", at),
                        optionalCount(nomination, "reviews", at + ": ", reviewsPerNomination)));
            }
            return nominations;
        }

        private Set<Pair> pairs(JsonObject instance, String field) {
            Set<Pair> pairs = new HashSet<>();
            JsonValue value = instance.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return pairs;
            }
            JsonArray array = array(value, field);
            for (int i = 0; i < array.size(); i++) {
                String at = field + "[" + i + "]";
                JsonValue element = array.get(i);
                if (!(element instanceof JsonArray pair)
                        || pair.size() != 2
                        || !(pair.get(0) instanceof JsonString juror)
                        || !(pair.get(1) instanceof JsonString nomination)) {
                    throw new InvalidInstanceException(
                            at + ": must be a [juror id, nomination id] pair of strings, got " + shown(element));
                }
                if (!jurorIndex.containsKey(juror.getString())) {
                    throw new InvalidInstanceException(
                            at + " " + pair + ": unknown juror " + quoted(juror.getString()));
                }
                if (!nominationIndex.containsKey(nomination.getString())) {
                    throw new InvalidInstanceException(
                            at + " " + pair + ": unknown nomination " + quoted(nomination.getString()));
                }
                pairs.add(Pair.of(juror.getString(), nomination.getString()));
            }
            return pairs;
        }

        private void checkLocked(JsonObject instance, Set<Pair> conflicts, List<JurorSlot> jurors) {
            JsonValue locked = instance.get("locked");
            if (locked == null || locked.getValueType() == JsonValue.ValueType.NULL) {
                return;
            }
            Map<String, Set<String>> lockedOf = new HashMap<>();
            JsonArray array = locked.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonArray element = array.getJsonArray(i);
                Pair pair = Pair.of(element.getString(0), element.getString(1));
                if (conflicts.contains(pair)) {
                    throw new InvalidInstanceException("locked[" + i + "] " + element
                            + ": the pair is also in conflicts; remove the lock or the conflict");
                }
                lockedOf.computeIfAbsent(pair.jurorId(), id -> new HashSet<>()).add(pair.nominationId());
            }
            for (JurorSlot juror : jurors) {
                int count = lockedOf.getOrDefault(juror.id(), Set.of()).size();
                if (count > juror.capacity()) {
                    throw new InvalidInstanceException("jurors[" + jurorIndex.get(juror.id()) + "] (id "
                            + quoted(juror.id()) + "): " + count + " locked pairs but capacity " + juror.capacity());
                }
            }
        }

        private static String id(JsonObject object, String at, Map<String, Integer> index, int i, String list) {
            JsonValue value = object.get("id");
            if (value == null) {
                throw new InvalidInstanceException(at + ": id is missing");
            }
            String id = string(value, at + ": id");
            if (id.isBlank()) {
                throw new InvalidInstanceException(at + ": id is blank");
            }
            Integer first = index.putIfAbsent(id, i);
            if (first != null) {
                throw new InvalidInstanceException(
                        at + ": id " + quoted(id) + " is already used by " + list + "[" + first + "]");
            }
            return id;
        }

        private static void requireKnownFields(JsonObject object, List<String> known, String at) {
            for (String field : object.keySet()) {
                if (!known.contains(field)) {
                    throw new InvalidInstanceException(at + ": unknown field " + quoted(field) + " (known fields: "
                            + String.join(", ", known) + ")");
                }
            }
        }

        private static JsonArray requiredArray(JsonObject instance, String field) {
            JsonValue value = instance.get(field);
            if (value == null) {
                throw new InvalidInstanceException("the instance: " + field + " is missing");
            }
            return array(value, field);
        }

        private static int requiredCount(JsonObject object, String field, String at) {
            JsonValue value = object.get(field);
            if (value == null) {
                throw new InvalidInstanceException(at + ": " + field + " is missing");
            }
            return count(value, at + ": " + field);
        }

        /** {@code prefix} joins the place and the field in messages: {@code "weights."}, {@code "jurors[0]: "}… */
        private static int optionalCount(JsonObject object, String field, String prefix, int otherwise) {
            JsonValue value = object.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return otherwise;
            }
            return count(value, prefix + field);
        }

        private static int count(JsonValue value, String what) {
            if (value instanceof JsonNumber number) {
                try {
                    int count = number.bigDecimalValue().intValueExact();
                    if (count >= 0) {
                        return count;
                    }
                } catch (ArithmeticException notAnInt) {
                    // reported below, with the value
                }
            }
            throw new InvalidInstanceException(
                    what + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + shown(value));
        }

        private static String optionalString(JsonObject object, String field, String at) {
            JsonValue value = object.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            return string(value, at + ": " + field);
        }

        private static String string(JsonValue value, String what) {
            if (value instanceof JsonString string) {
                return string.getString();
            }
            throw new InvalidInstanceException(what + " must be a string, got " + shown(value));
        }

        private static JsonObject object(JsonValue value, String what) {
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new InvalidInstanceException(what + " must be a JSON object, got " + shown(value));
        }

        private static JsonArray array(JsonValue value, String what) {
            if (value instanceof JsonArray array) {
                return array;
            }
            throw new InvalidInstanceException(what + " must be a JSON array, got " + shown(value));
        }

        private static String quoted(String text) {
            return JSON.createValue(text).toString();
        }

        // The offending value as written, cut short: the message stays one readable line.
        private static String shown(JsonValue value) {
            String text = value.toString();
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}

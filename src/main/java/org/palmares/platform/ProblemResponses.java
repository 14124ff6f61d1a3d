package org.palmares.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what every operation shares, so the resources only declare their own errors:
 * the {@code ProblemDetails} schema (RFC 9457 and our extension members) as the content of every 4xx/5xx answer, the
 * 401 of every operation that needs a login (all but those marked {@link PublicEndpoint}), the 403 of the role-only
 * paths ({@code /organiser}, {@code /jury}, {@code /territory}, web.xml), the security each operation accepts and
 * unique operation ids ({@code Resource.method}).
 */
public class ProblemResponses implements OASFilter {
    static final String SCHEMA = "ProblemDetails";
    static final List<String> SCHEMES = List.of(RestApplication.BASIC, RestApplication.SESSION, RestApplication.BEARER);
    private static final Set<String> ROLE_PATHS = Set.of("organiser", "jury", "territory");

    /** A JAX-RS method as the document names it: HTTP method and path under the application path. */
    record Endpoint(String method, String path) {}

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        Map<Endpoint, Method> methods = javaMethods();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) return;
            item.getOperations().forEach((verb, operation) -> {
                Method method = methods.get(new Endpoint(verb.name(), normalise(path)));
                complete(path, operation, method);
            });
        });
    }

    private void complete(String path, Operation operation, Method method) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean open = method != null
                && (method.isAnnotationPresent(PublicEndpoint.class)
                        || method.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class));
        if (method != null) {
            operation.setOperationId(method.getDeclaringClass().getSimpleName() + "." + method.getName());
        }
        if (open) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(SCHEMES.stream()
                    .map(s -> OASFactory.createSecurityRequirement().addScheme(s))
                    .toList());
            addIfAbsent(responses, "401", "Not logged in: no session, or no valid Basic or Bearer credentials");
            if (ROLE_PATHS.contains(firstSegment(normalise(path)))) {
                addIfAbsent(responses, "403", "Logged in without the role this path needs");
            }
        }
        if (responses.getAPIResponses() == null
                || responses.getAPIResponses().keySet().stream().noneMatch(c -> c.startsWith("2"))) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (responses.getAPIResponses() == null || !responses.getAPIResponses().containsKey(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        MediaType problem =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA));
        return OASFactory.createContent().addMediaType(ProblemDetails.MEDIA_TYPE, problem);
    }

    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the one shape of every error of the API, in the"
                        + " caller's language (Accept-Language, French or English)")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("Always about:blank: the status says what kind of problem it is"))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("Short summary of the problem"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .description("The HTTP status"))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("What went wrong in this case, for a person to read"))
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("The occurrence (not sent today; reserved)"))
                .addProperty(
                        "missing",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .items(text)
                                .description("Extension (409 of a phase change): the preconditions not met yet"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .type(Schema.SchemaType.OBJECT)
                                        .addProperty("field", text)
                                        .addProperty("message", text))
                                .description("Extension (400 of Bean Validation): one entry per refused field"))
                .addRequired("title")
                .addRequired("status");
    }

    /** Every resource method of {@link ApiResources}, by HTTP method and path. */
    static Map<Endpoint, Method> javaMethods() {
        Map<Endpoint, Method> methods = new HashMap<>();
        for (Class<?> resource : ApiResources.ALL) {
            String base = resource.isAnnotationPresent(Path.class)
                    ? resource.getAnnotation(Path.class).value()
                    : "";
            for (Method m : resource.getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) continue;
                String sub = m.isAnnotationPresent(Path.class)
                        ? m.getAnnotation(Path.class).value()
                        : "";
                methods.put(new Endpoint(verb, normalise(base + "/" + sub)), m);
            }
        }
        return methods;
    }

    static String httpMethod(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) return verb.value();
        }
        return null;
    }

    /** A path without the application path, without doubled or trailing slashes: {@code editions/{edition}/votes}. */
    static String normalise(String path) {
        String p = path.replaceAll("/+", "/");
        if (p.startsWith("/")) p = p.substring(1);
        if (p.startsWith("api/v1/")) p = p.substring("api/v1/".length());
        else if (p.equals("api/v1")) p = "";
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}

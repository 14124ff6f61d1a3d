package org.palmares.platform;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile OpenAPI settings, as a config source of the WAR itself so that every deployment has them (tests
 * replace microprofile-config.properties): the filter that completes the document, and the classes Payara scans.
 * Its ordinal (50) lets the properties file, the environment or system properties override any of them.
 */
public class OpenApiSettings implements ConfigSource {
    private static final Map<String, String> VALUES = Map.of(
            "mp.openapi.filter",
            ProblemResponses.class.getName(),
            "mp.openapi.scan.classes",
            Stream.concat(Stream.of(RestApplication.class), ApiResources.ALL.stream())
                    .map(Class::getName)
                    .collect(Collectors.joining(",")));

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String name) {
        return VALUES.get(name);
    }

    @Override
    public String getName() {
        return "palmares-openapi";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}

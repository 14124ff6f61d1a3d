package org.palmares.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.JsonSupport.JSON.createObjectBuilder()} and its siblings look the
 * provider up through the ServiceLoader on every call — a scan of the class path under the class loader's lock;
 * the scoring load profile found it behind an eighth of the server's CPU and much of its lock waiting on autosave.
 */
public final class JsonSupport {
    /** Thread-safe: builders and readers are created per use, the provider is shared. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {}
}

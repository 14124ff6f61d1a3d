package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API page: the operations of the live OpenAPI document, grouped by tag. The document is read once from this
 * server's own {@code /openapi} (on loopback) and kept: it only changes with a new deployment.
 */
@Named
@RequestScoped
public class ApiBacking {
    private static final Logger LOG = Logger.getLogger(ApiBacking.class.getName());
    private static final AtomicReference<List<ApiCatalogue.Group>> CATALOGUE = new AtomicReference<>();

    @Inject
    HttpServletRequest request;

    private List<ApiCatalogue.Group> groups;

    public List<ApiCatalogue.Group> getGroups() {
        if (groups == null) groups = load();
        return groups;
    }

    public boolean isAvailable() {
        return !getGroups().isEmpty();
    }

    public int getOperationCount() {
        return getGroups().stream().mapToInt(g -> g.operations().size()).sum();
    }

    private List<ApiCatalogue.Group> load() {
        List<ApiCatalogue.Group> known = CATALOGUE.get();
        if (known != null) return known;
        URI document = URI.create(
                "http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/openapi?format=json");
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(document)
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warning(() -> "The OpenAPI document answered " + response.statusCode());
                return List.of();
            }
            List<ApiCatalogue.Group> read = ApiCatalogue.of(JsonSupport.JSON
                    .createReader(new StringReader(response.body()))
                    .readObject());
            CATALOGUE.set(read);
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The OpenAPI document could not be read from " + document, e);
            return List.of();
        }
    }
}

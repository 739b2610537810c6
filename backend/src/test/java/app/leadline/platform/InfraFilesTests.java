package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.LeadlineIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files in {@code infra/} checked against the application they deploy — docker and kubectl do not
 * run here, so this is what can be validated: well-formed manifests that refer to each other correctly, only
 * settings Leadline (or Spring Boot) knows, probes on endpoints that answer, the realm the security expects.
 */
@LeadlineIntegrationTest
class InfraFilesTests {

    private static final Path INFRA = Path.of("..", "infra");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every setting known to the application: its own and Spring Boot's, canonical form (see {@link #canonical}). */
    private static final Map<String, String> KNOWN = new HashMap<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void knownSettings() throws IOException {
        for (URL metadata : Collections.list(
                InfraFilesTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                Map<?, ?> json = JSON.readValue(in, Map.class);
                Object properties = json.get("properties");
                for (Object property : properties == null ? List.of() : (List<?>) properties) {
                    Map<?, ?> described = (Map<?, ?>) property;
                    KNOWN.put(canonical((String) described.get("name")), String.valueOf(described.get("type")));
                }
            }
        }
    }

    private static String canonical(String setting) {
        return setting.toLowerCase(Locale.ROOT).replaceAll("[-._\\[\\]]", "");
    }

    /** Whether an environment variable sets something the application reads (maps count by their prefix). */
    private static boolean known(String variable) {
        String wanted = canonical(variable);
        return KNOWN.containsKey(wanted)
                || KNOWN.entrySet().stream()
                        .anyMatch(entry ->
                                entry.getValue().startsWith("java.util.Map") && wanted.startsWith(entry.getKey()));
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) document;
                    documents.add(map);
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<?, ?>) current).get(step);
        }
        return (T) current;
    }

    private Map<String, Map<String, Object>> kubernetes() throws IOException {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(INFRA.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> document : yaml(file)) {
                    assertThat(document).as(file.toString()).containsKeys("apiVersion", "kind");
                    if (!"Kustomization".equals(document.get("kind"))) {
                        assertThat((String) at(document, "metadata", "name"))
                                .as(file + " name")
                                .isEqualTo("leadline");
                    }
                    byKind.put((String) document.get("kind"), document);
                }
            }
        }
        return byKind;
    }

    @Test
    void theKubernetesManifestsFitTogetherAndProbeEndpointsThatAnswer() throws IOException {
        Map<String, Map<String, Object>> k8s = kubernetes();
        assertThat(k8s)
                .containsKeys(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "Secret",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "Kustomization");
        Map<String, Object> deployment = k8s.get("Deployment");
        Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat((Map<String, Object>) at(deployment, "spec", "selector", "matchLabels"))
                .isEqualTo(podLabels);
        assertThat((Map<String, Object>) at(k8s.get("Service"), "spec", "selector"))
                .isEqualTo(podLabels);
        assertThat((Map<String, Object>) at(k8s.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"))
                .isEqualTo(podLabels);
        assertThat((String) at(k8s.get("HorizontalPodAutoscaler"), "spec", "scaleTargetRef", "kind"))
                .isEqualTo("Deployment");
        assertThat((List<String>) at(k8s.get("Kustomization"), "resources"))
                .containsExactlyInAnyOrder("configmap.yaml", "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml");

        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
        assertThat((String) at(container, "envFrom", "0", "configMapRef", "name"))
                .isEqualTo("leadline");
        assertThat((String) at(container, "envFrom", "1", "secretRef", "name")).isEqualTo("leadline");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat((String) at(container, probe, "httpGet", "port")).isEqualTo("management");
            String path = at(container, probe, "httpGet", "path");
            assertThat(path).isIn("/actuator/health/readiness", "/actuator/health/liveness");
            assertThat(healthAt(path)).as(path).contains("\"status\":\"UP\"");
        }
        Map<String, Object> settings = new HashMap<>(at(k8s.get("ConfigMap"), "data"));
        settings.putAll(at(k8s.get("Secret"), "stringData"));
        assertThat(settings.keySet())
                .allSatisfy(variable -> assertThat(known(variable))
                        .as(variable + " is a setting Leadline reads")
                        .isTrue());
        assertThat(settings)
                .containsKeys(
                        "SPRING_MONGODB_URI",
                        "LEADLINE_PUBLIC_BASE_URL",
                        "LEADLINE_SECURITY_ISSUER_URI",
                        "LEADLINE_SECURITY_AUDIENCE",
                        "LEADLINE_TRACKING_LINK_KEY",
                        "MANAGEMENT_SERVER_PORT");
    }

    @Test
    void theComposeStackRunsAReplicaSetKeycloakMailpitAndTwoInstancesBehindNginx() throws IOException {
        Map<String, Object> compose = yaml(INFRA.resolve("compose.yaml")).get(0);
        Map<String, Object> services = at(compose, "services");
        assertThat(services)
                .containsKeys(
                        "mongo1",
                        "mongo2",
                        "mongo3",
                        "mongo-init",
                        "keycloak",
                        "mailpit",
                        "leadline1",
                        "leadline2",
                        "nginx");
        for (String instance : List.of("leadline1", "leadline2")) {
            Map<String, Object> environment = at(services, instance, "environment");
            assertThat(environment.keySet())
                    .allSatisfy(variable -> assertThat(known(variable))
                            .as(variable + " is a setting Leadline reads")
                            .isTrue());
            assertThat((String) environment.get("SPRING_MONGODB_URI"))
                    .contains("mongo1:27017,mongo2:27017,mongo3:27017")
                    .contains("replicaSet=rs0")
                    .contains("w=majority");
            assertThat((String) at(services, instance, "image")).isEqualTo("leadline:latest");
        }
        String initiate = String.join(" ", (List<String>) at(services, "mongo-init", "command"));
        assertThat(initiate).contains("rs.initiate", "mongo1:27017", "mongo2:27017", "mongo3:27017");
        assertThat(String.join(" ", (List<String>) at(services, "keycloak", "command")))
                .contains("--import-realm");

        String nginx = Files.readString(INFRA.resolve("nginx/nginx.conf"));
        assertThat(nginx).contains("server leadline1:8080", "server leadline2:8080", "proxy_set_header Upgrade");
    }

    @Test
    void theKeycloakRealmHoldsTheRolesClientsAndClaimsLeadlineChecks() throws IOException {
        Map<String, Object> realm;
        try (InputStream in = Files.newInputStream(INFRA.resolve("keycloak/leadline-realm.json"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = JSON.readValue(in, Map.class);
            realm = read;
        }
        assertThat(((List<Map<String, Object>>) at(realm, "roles", "realm"))
                        .stream().map(role -> role.get("name")))
                .containsExactlyInAnyOrder("AGENT", "ADMIN");
        Map<String, Map<String, Object>> clients = new HashMap<>();
        ((List<Map<String, Object>>) realm.get("clients"))
                .forEach(client -> clients.put((String) client.get("clientId"), client));
        Map<String, Object> console = clients.get("leadline-console");
        assertThat(console).containsEntry("publicClient", true).containsEntry("standardFlowEnabled", true);
        assertThat((String) at(console, "attributes", "pkce.code.challenge.method"))
                .isEqualTo("S256");
        assertThat((List<String>) console.get("redirectUris")).allMatch(uri -> uri.endsWith("/console/callback"));
        Map<String, Object> shop = clients.get("demo-shop");
        assertThat(shop).containsEntry("serviceAccountsEnabled", true);
        assertThat((List<String>) shop.get("defaultClientScopes")).contains("orders:write", "leadline-api");

        Map<String, Object> api = ((List<Map<String, Object>>) realm.get("clientScopes"))
                .stream()
                        .filter(scope -> "leadline-api".equals(scope.get("name")))
                        .findFirst()
                        .orElseThrow();
        List<Map<String, Object>> mappers = at(api, "protocolMappers");
        assertThat(mappers)
                .anySatisfy(mapper -> assertThat((String) at(mapper, "config", "included.custom.audience"))
                        .isEqualTo("leadline-api"))
                .anySatisfy(mapper ->
                        assertThat((String) at(mapper, "config", "claim.name")).isEqualTo("roles"));
    }

    @Test
    void theImageRunsTheBuiltJarOnJava17AsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(INFRA.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:17-jre")
                .contains("COPY backend/target/leadline.jar")
                .contains("USER 10001")
                .contains("EXPOSE 8080 9090");
    }

    private String healthAt(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.fovea.webui.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * The packaged application in a locally built Java 25 image against a locally built PostgreSQL image, started as
 * {@code ./fovea serve --db jdbc:postgresql://…} starts it. Both containers use the host's network and listen on
 * 127.0.0.1 only, so all traffic stays on loopback; images are never pulled.
 */
class PlatformOnPostgresIT {

    static final String JAVA_IMAGE = System.getProperty("fovea.images.java", "fovea/java25-runtime:1");
    static final String POSTGRES_IMAGE = System.getProperty("fovea.images.postgres", "fovea/postgres15:1");
    static final Path APP = Path.of(System.getProperty("fovea.app.dir", "target/quarkus-app")).toAbsolutePath();
    static final ImagePullPolicy NEVER_PULL = image -> false;
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void storesAModelRecordInPostgresAndPredictsOverHttp() throws Exception {
        assertTrue(Files.isRegularFile(APP.resolve("quarkus-run.jar")), "package the application first: " + APP);
        int dbPort = freePort();
        int appPort = freePort();
        String password = "it-secret";
        try (GenericContainer<?> db = new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                        .withImagePullPolicy(NEVER_PULL)
                        .withNetworkMode("host")
                        .withEnv("PGPORT", Integer.toString(dbPort))
                        .withEnv("POSTGRES_USER", "fovea")
                        .withEnv("POSTGRES_PASSWORD", password)
                        .withEnv("POSTGRES_DB", "fovea")
                        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                                .withStartupTimeout(Duration.ofMinutes(1)));
                GenericContainer<?> app = new GenericContainer<>(DockerImageName.parse(JAVA_IMAGE))
                        .withImagePullPolicy(NEVER_PULL)
                        .withNetworkMode("host")
                        .withFileSystemBind(APP.toString(), "/app", BindMode.READ_ONLY)
                        .withEnv("HOME", "/tmp")
                        .withCommand("java", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                                "-Djava.awt.headless=true",
                                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + appPort,
                                "-Dquarkus.profile=prod,pg",
                                "-Dfovea.db.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/fovea",
                                "-Dquarkus.datasource.\"pg\".username=fovea",
                                "-Dquarkus.datasource.\"pg\".password=" + password,
                                "-Dfovea.data-dir=/tmp/fovea-data", "-Dfovea.models.bootstrap-steps=60",
                                "-jar", "/app/quarkus-run.jar")
                        .withLogConsumer(new Slf4jLogConsumer(org.slf4j.LoggerFactory.getLogger("fovea-app")))
                        .waitingFor(Wait.forLogMessage(".*Fovea is ready.*", 1)
                                .withStartupTimeout(Duration.ofMinutes(4)))) {
            db.start();
            app.start();
            String base = "http://127.0.0.1:" + appPort;

            assertEquals(200, get(base + "/q/health/ready").statusCode());

            HttpResponse<String> trained = post(base + "/api/v1/models",
                    "{\"name\":\"it-model\",\"attention\":\"continuous-softmax\",\"steps\":40,\"datasetSeed\":11}");
            assertEquals(201, trained.statusCode(), trained.body());
            assertEquals(1, JSON.readTree(trained.body()).get("version").asInt());

            HttpResponse<String> predicted = post(base + "/api/v1/predict",
                    "{\"model\":\"it-model\",\"sample\":{\"seed\":11,\"index\":2}}");
            assertEquals(200, predicted.statusCode(), predicted.body());
            JsonNode answer = JSON.readTree(predicted.body());
            assertTrue(answer.get("answer").asText().matches("\\d+"), predicted.body());
            double mass = 0;
            for (JsonNode row : answer.get("attention")) {
                for (JsonNode w : row) {
                    mass += w.asDouble();
                }
            }
            assertEquals(1.0, mass, 1e-4);

            HttpResponse<String> invalid = post(base + "/api/v1/predict", "{\"model\":\"it-model\",\"sample\":7}");
            assertEquals(400, invalid.statusCode());
            assertEquals("sample", JSON.readTree(invalid.body()).get("field").asText());

            // The record is in PostgreSQL itself with its four metrics (loss, accuracy, majorityAccuracy,
            // attentionOnRelevant), and the default models beside it.
            try (Connection sql = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + dbPort + "/fovea", "fovea", password);
                    ResultSet rows = sql.createStatement().executeQuery(
                            "select r.name, r.attention_kind, count(m.metric) from model_record r"
                                    + " join model_metric m on m.model_id = r.id group by r.name, r.attention_kind"
                                    + " order by r.name")) {
                StringBuilder seen = new StringBuilder();
                while (rows.next()) {
                    seen.append(rows.getString(1)).append('/').append(rows.getString(2)).append('/')
                            .append(rows.getInt(3)).append(' ');
                }
                assertEquals("it-model/continuous-softmax/4 shapes-continuous/continuous-softmax/4 "
                        + "shapes-discrete/discrete-softmax/4 ", seen.toString());
            }
        }
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

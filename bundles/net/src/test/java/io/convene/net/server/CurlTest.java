package io.convene.net.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server against curl over TLS, verifying the generated certificate (skipped without curl). */
class CurlTest {

  @TempDir Path dir;
  private TestServer server;
  private Path caFile;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "curl"))), "curl not installed");
    server = new TestServer(dir.resolve("tls"), ServerSettings.loopback());
    byte[] der = server.serverCertificate().getEncoded();
    caFile = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END CERTIFICATE-----\n");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void propfindWithBasicCredentials() throws Exception {
    String out = curl("-X", "PROPFIND", "-u", TestServer.USER + ":" + TestServer.PASSWORD, "--data-binary", "<propfind/>",
        "-w", " %{http_code}", url("/dav/principals/"));
    assertThat(out).isEqualTo("PROPFIND by " + TestServer.USER + " 207");
  }

  @Test
  void chunkedUploadAndKeepAliveAcrossTwoRequests() throws Exception {
    Path upload = dir.resolve("upload.bin");
    Files.write(upload, new byte[300_000]);
    String out = curl("-H", "Transfer-Encoding: chunked", "--data-binary", "@" + upload, url("/count"),
        "--next", "--cacert", caFile.toString(), "-w", "new connections: %{num_connects}", url("/stream"));
    assertThat(out).isEqualTo("300000part 1\npart 2\npart 3\nnew connections: 0");
  }

  @Test
  void wrongPasswordGets401() throws Exception {
    assertThat(curl("-u", TestServer.USER + ":nope", "-o", "/dev/null", "-w", "%{http_code}", url("/dav/"))).isEqualTo("401");
  }

  private String url(String path) {
    return "https://localhost:" + server.https().getPort() + path;
  }

  private String curl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--http1.1", "--max-time", "10", "--cacert", caFile.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}

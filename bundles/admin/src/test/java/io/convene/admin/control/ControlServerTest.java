package io.convene.admin.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

  @TempDir Path dataDir;
  private ControlServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void answersACommandCarryingTheTokenFromTheControlFile() throws IOException {
    Path file = dataDir.resolve("control.properties");
    server = new ControlServer(file, command -> "ran " + command + "\nsecond line\n");
    int port = server.start();

    Properties control = load(file);
    assertThat(control.getProperty("port")).isEqualTo(String.valueOf(port));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    assertThat(call(port, control.getProperty("token") + " status")).isEqualTo("ran status\nsecond line");
  }

  @Test
  void rejectsAWrongTokenAndStaysUp() throws IOException {
    Path file = dataDir.resolve("control.properties");
    server = new ControlServer(file, command -> "ran " + command);
    int port = server.start();

    assertThat(call(port, "not-the-token status")).isEqualTo("ERROR unauthorized");
    assertThat(call(port, "no-space-at-all")).isEqualTo("ERROR unauthorized");
    assertThat(call(port, load(file).getProperty("token") + " status")).isEqualTo("ran status");
  }

  @Test
  void closingRemovesTheControlFile() throws IOException {
    Path file = dataDir.resolve("control.properties");
    server = new ControlServer(file, command -> command);
    server.start();
    server.close();
    server = null;
    assertThat(file).doesNotExist();
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }

  private static String call(int port, String line) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      return reader.lines().collect(Collectors.joining("\n"));
    }
  }
}

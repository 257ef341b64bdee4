package io.convene.net.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyStoreTest {

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void generatesAServerCertificateForTheHostOnceAndReusesIt() throws Exception {
    ServerKeyStore first = ServerKeyStore.selfSigned(dir, "mail.example.com", clock);
    X509Certificate certificate =
        (X509Certificate) first.keyStore().getCertificate(SelfSignedCertificate.ALIAS);

    assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=mail.example.com");
    assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
        .contains("mail.example.com", "localhost", "127.0.0.1");
    assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getNotAfter().toInstant())
        .isEqualTo(clock.instant().plus(SelfSignedCertificate.VALIDITY));
    certificate.verify(certificate.getPublicKey());
    for (String file : List.of(ServerKeyStore.STORE_FILE, ServerKeyStore.PASSWORD_FILE)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
          .isEqualTo("rw-------");
    }

    ServerKeyStore again =
        ServerKeyStore.selfSigned(
            dir, "other.example.com", clock.offset(clock, Duration.ofDays(1)));
    assertThat(again.keyStore().getCertificate(SelfSignedCertificate.ALIAS)).isEqualTo(certificate);
    assertThat(again.sslContext().getProtocol()).isEqualTo("TLS");
  }
}

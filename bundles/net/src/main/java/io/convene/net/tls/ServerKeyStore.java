package io.convene.net.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key store the HTTPS listener serves: the administrator's (PKCS#12 or JKS) when configured,
 * otherwise a self-signed one generated on first start and kept in the data directory with a random
 * password beside it, both readable by the server's user only.
 */
public final class ServerKeyStore {

  private static final Logger LOG = LoggerFactory.getLogger(ServerKeyStore.class);
  static final String STORE_FILE = "selfsigned.p12";
  static final String PASSWORD_FILE = "selfsigned.password";

  private final KeyStore store;
  private final char[] password;

  private ServerKeyStore(KeyStore store, char[] password) {
    this.store = store;
    this.password = password;
  }

  public static ServerKeyStore load(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    return new ServerKeyStore(KeyStore.getInstance(file.toFile(), password), password.clone());
  }

  /** Loads the self-signed store from {@code dir}, creating it for {@code hostName} if missing. */
  public static ServerKeyStore selfSigned(Path dir, String hostName, Clock clock)
      throws IOException, GeneralSecurityException {
    Path storeFile = dir.resolve(STORE_FILE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    if (Files.exists(storeFile) && Files.exists(passwordFile)) {
      char[] password =
          Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
      return load(storeFile, password);
    }
    Files.createDirectories(dir);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    KeyStore store = SelfSignedCertificate.create(hostName, clock.instant(), password);
    writePrivately(
        passwordFile, out -> out.write(new String(password).getBytes(StandardCharsets.US_ASCII)));
    writePrivately(storeFile, out -> store.store(out, password));
    LOG.info(
        "Generated a self-signed TLS certificate for '{}' in {}; configure a key store for"
            + " production",
        hostName,
        storeFile);
    return new ServerKeyStore(store, password);
  }

  public KeyStore keyStore() {
    return store;
  }

  public SSLContext sslContext() throws GeneralSecurityException {
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return context;
  }

  private interface Writer {
    void write(OutputStream out) throws IOException, GeneralSecurityException;
  }

  private static void writePrivately(Path target, Writer writer)
      throws IOException, GeneralSecurityException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      writer.write(out);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

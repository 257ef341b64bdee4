package io.convene.storage.derby.directory;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import java.util.ArrayList;
import java.util.List;

/** Records the events it hears as "created alice@example.com" and so on. */
final class RecordingListener implements AccountListener {

  final List<String> events = new ArrayList<>();

  @Override
  public void accountCreated(Account account) {
    events.add("created " + account.smtpAddress());
  }

  @Override
  public void accountChanged(Account account) {
    events.add("changed " + account.smtpAddress());
  }

  @Override
  public void accountRemoved(Account account) {
    events.add("removed " + account.smtpAddress());
  }
}

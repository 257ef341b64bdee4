package io.convene.benchmarks.search;

import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.IndexEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic address-book entries with realistic names in several scripts (Latin with accents,
 * Cyrillic, Greek, Chinese, Japanese), and ANR queries drawn from the same names the way people
 * type them: first-name prefixes, "first last", "last, first", address prefixes, without accents.
 * Entry {@code i} is the same in every run; 90% are GAL users, 10% personal contacts spread over
 * {@link #OWNERS} mailboxes.
 */
final class GeneratedContacts {

  static final int OWNERS = 2_000;

  private record Script(String[] given, String[] surnames, boolean latin) {}

  private static final List<Script> SCRIPTS = List.of(
      new Script(new String[] {"José", "María", "Jürgen", "Zoë", "François", "Søren", "Łukasz", "Agnieszka", "Björn", "Inès",
          "Renée", "Ólafur", "Ștefan", "Dvořák", "Małgorzata", "Anna", "Peter", "Thomas", "Sophie", "Lucas", "Emma", "Liam",
          "Olivia", "Noah", "Hannah", "Jonas", "Léa", "Mateo", "Chloé", "Matthias"},
          new String[] {"García", "Müller", "Núñez", "Lefèvre", "Kowalski", "Østergaard", "Gonçalves", "Šimková", "Dvořáková",
              "Schröder", "Fernández", "Weiß", "Jørgensen", "Brontë", "Smith", "Johnson", "Williams", "Brown", "Jones",
              "Miller", "Davis", "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
              "Novák", "Horváth", "Nagy", "Szabó", "Papp", "Lindqvist", "Andersson", "Virtanen", "Mäkinen", "Häkkinen"},
          true),
      new Script(new String[] {"Иван", "Дмитрий", "Алексей", "Сергей", "Ольга", "Наталья", "Екатерина", "Анна", "Михаил",
          "Юлия", "Андрей", "Татьяна"},
          new String[] {"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов",
              "Петров", "Волков", "Фёдоров", "Михайлов", "Белов", "Тарасов"},
          false),
      new Script(new String[] {"Νίκος", "Γιώργος", "Μαρία", "Ελένη", "Δημήτρης", "Κατερίνα", "Γιάννης", "Σοφία"},
          new String[] {"Παπαδόπουλος", "Παπαδάκης", "Γεωργίου", "Οικονόμου", "Βασιλείου", "Νικολάου", "Καραγιάννης",
              "Ιωάννου", "Μακρής", "Αντωνίου"},
          false),
      new Script(new String[] {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "小明", "建国"},
          new String[] {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"},
          false),
      new Script(new String[] {"さくら", "ひろし", "ゆうき", "はると", "あおい", "陽翔", "結衣"},
          new String[] {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村"},
          false));

  /** Share of entries per script, in per mille, in {@link #SCRIPTS} order. */
  private static final int[] SHARE = {600, 150, 80, 120, 50};

  private GeneratedContacts() {}

  static IndexEntry entry(int i) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + i);
    Script script = script(random.nextInt(1000));
    String given = script.given()[random.nextInt(script.given().length)];
    String surname = script.surnames()[random.nextInt(script.surnames().length)];
    boolean cjk = script == SCRIPTS.get(3) || script == SCRIPTS.get(4);
    String display = cjk ? surname + given : given + " " + surname;
    String local = script.latin()
        ? ascii(given) + "." + ascii(surname) + i
        : "user" + i;
    String smtp = local + "@example.com";
    String phone = "+49 30 " + (1_000_000 + random.nextInt(9_000_000));
    boolean personal = random.nextInt(10) == 0;
    if (personal) {
      long owner = 1 + random.nextInt(OWNERS);
      return new IndexEntry(EntryKind.PERSONAL_CONTACT, owner, folderOf(owner), messageId(i), display, given, surname, "",
          List.of(smtp), "Company " + random.nextInt(500), "", List.of(phone), 0, "");
    }
    return new IndexEntry(EntryKind.GAL_USER, 10_000_000L + i, 0, 0, display, given, surname, local, List.of(smtp),
        "", "Department " + random.nextInt(50), List.of(phone), 0, "");
  }

  /** The contacts folder of a mailbox, as {@code FolderId.toLong()} (replica 1, counter = owner). */
  static long folderOf(long owner) {
    return io.convene.api.store.FolderId.of(1, owner).toLong();
  }

  private static long messageId(int i) {
    return io.convene.api.store.MessageId.of(1, 1_000_000L + i).toLong();
  }

  /** The {@code n}-th benchmark query, typed as a person would. */
  static String query(int n) {
    SplittableRandom random = new SplittableRandom(0xC0FFEEL + n);
    Script script = script(random.nextInt(1000));
    String given = script.given()[random.nextInt(script.given().length)];
    String surname = script.surnames()[random.nextInt(script.surnames().length)];
    return switch (random.nextInt(6)) {
      case 0 -> prefix(given, 3, random);
      case 1 -> prefix(surname, 3, random);
      case 2 -> given + " " + prefix(surname, 2, random);
      case 3 -> surname + ", " + prefix(given, 1, random);
      case 4 -> script.latin() ? ascii(prefix(surname, 4, random)) : prefix(surname, 2, random);
      default -> script.latin() ? ascii(given) + "." + ascii(prefix(surname, 3, random)) : given;
    };
  }

  private static String prefix(String word, int min, SplittableRandom random) {
    int length = Math.min(word.length(), min + random.nextInt(3));
    return word.substring(0, Math.max(1, length));
  }

  private static Script script(int perMille) {
    int acc = 0;
    for (int s = 0; s < SHARE.length; s++) {
      acc += SHARE[s];
      if (perMille < acc) {
        return SCRIPTS.get(s);
      }
    }
    return SCRIPTS.get(0);
  }

  /** Accents dropped, lower-case: how such names look in addresses. */
  static String ascii(String name) {
    // the names come from the short lists above: generating an entry must not cost a regular expression
    return ASCII.computeIfAbsent(name,
        n -> io.convene.search.lucene.index.NameFolding.fold(n).replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT));
  }

  private static final Map<String, String> ASCII = new ConcurrentHashMap<>();

  static List<String> queries(int count) {
    List<String> queries = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      queries.add(query(n));
    }
    return queries;
  }
}

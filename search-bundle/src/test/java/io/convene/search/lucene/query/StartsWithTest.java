package io.convene.search.lucene.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StartsWith} matches exactly the documents Lucene's {@link PrefixQuery} matches, over
 * terms with shared prefixes, several scripts and characters outside the basic plane, in several
 * segments (seeded; the seed is in the failure message).
 */
class StartsWithTest {

  private static final String[] PARTS = {"a", "b", "ab", "jo", "jos", "é", "王", "Ω", "\uD83D\uDE00", ".", "1", "z", "\u00ff"};

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void matchesWhatPrefixQueryMatches(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int doc = 0; doc < 400; doc++) {
          Document document = new Document();
          for (int t = random.nextInt(4); t > 0; t--) {
            document.add(new StringField("f", word(random), Field.Store.NO));
          }
          writer.addDocument(document);
          if (doc % 150 == 149) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (int i = 0; i < 200; i++) {
          String prefix = word(random);
          prefix = prefix.substring(0, random.nextInt(prefix.length() + 1));
          Term term = new Term("f", prefix);
          assertThat(docs(searcher, new StartsWith(term)))
              .as("seed %d, prefix '%s'", seed, prefix)
              .isEqualTo(docs(searcher, new PrefixQuery(term)));
        }
      }
    }
  }

  private static Set<Integer> docs(IndexSearcher searcher, Query query) throws IOException {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc hit : searcher.search(query, searcher.getIndexReader().maxDoc()).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }

  private static String word(SplittableRandom random) {
    List<String> parts = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      parts.add(PARTS[random.nextInt(PARTS.length)]);
    }
    return String.join("", parts);
  }
}

package io.convene.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class GreetingInfoTest {

  @Test
  void showsTheConfiguredGreetingAndCountsCalls() {
    GreetingInfo info = new GreetingInfo(config("Hi"));

    assertThat(info.info()).containsEntry("greeting", "Hi").containsEntry("calls", "1");
    assertThat(info.info()).containsEntry("calls", "2");
  }

  @Test
  void aModifiedConfigurationTakesEffectAtOnce() {
    GreetingInfo info = new GreetingInfo(config("Hi"));
    info.modified(config("Bonjour"));

    assertThat(info.info()).containsEntry("greeting", "Bonjour");
  }

  private static GreetingInfo.Config config(String greeting) {
    return new GreetingInfo.Config() {
      @Override
      public String greeting() {
        return greeting;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return GreetingInfo.Config.class;
      }
    };
  }
}

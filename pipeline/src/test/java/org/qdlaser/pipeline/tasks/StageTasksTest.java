package org.qdlaser.pipeline.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.plan.StageTask;

/**
 * What is hashed is what is used: a stage task sees only the parameters record it is planned with
 * (hashed into its key) and its input artifacts, so no implementation may carry state of its own.
 */
class StageTasksTest {
  static List<Class<?>> stageTasks() throws IOException, ClassNotFoundException {
    Path dir = Path.of("target", "classes", "org", "qdlaser", "pipeline");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = dir.getParent().getParent().getParent().relativize(p).toString().replace('/', '.').replace(".class", "");
        Class<?> c = Class.forName(name, false, StageTasksTest.class.getClassLoader());
        if (StageTask.class.isAssignableFrom(c) && !c.isInterface()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  @Test
  void everyStageTaskIsAStatelessSingleton() throws Exception {
    List<Class<?>> tasks = stageTasks();
    assertThat(tasks).as("stage tasks found").hasSizeGreaterThanOrEqualTo(11);
    for (Class<?> c : tasks) {
      assertThat(c.isEnum() || c.getSuperclass().isEnum()).as(c + " is an enum singleton").isTrue();
      for (Field f : c.getDeclaredFields()) {
        if (!f.isEnumConstant() && !f.isSynthetic()) {
          assertThat(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()))
              .as(c.getSimpleName() + "." + f.getName() + " must be a constant").isTrue();
        }
      }
    }
  }
}

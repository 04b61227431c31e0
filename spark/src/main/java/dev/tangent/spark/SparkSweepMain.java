package dev.tangent.spark;

import dev.tangent.cli.TangentCli;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of tangent-spark.jar for spark-submit: the normal tangent CLI, with {@code sweep} defaulting to
 * the Spark engine. Example: {@code spark-submit --class dev.tangent.spark.SparkSweepMain --master yarn
 * tangent-spark.jar sweep sweep.yaml --out hdfs-visible/dir}.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("sweep") && !a.contains("--engine") && !a.contains("--summarize")) a.add("--engine=spark");
        System.exit(TangentCli.commandLine().execute(a.toArray(String[]::new)));
    }
}

// Many documents through one HeidelTime instance in one JVM (benchmarks/peers.py compiles and runs this).
// Usage: java -cp heideltime.jar:. PeersDriver CONFIG_PROPS IN_DIR OUT_DIR
// IN_DIR holds NAME.txt (UTF-8 text) and NAME.dct (YYYY-MM-DD); OUT_DIR gets NAME.tml.
// Prints "SECONDS <s>": the time spent in process() over all documents, after one untimed
// warm-up call on the first document (JVM start-up and HeidelTime's lazy loading excluded).
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class PeersDriver {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        Path in = Paths.get(args[1]);
        Path out = Paths.get(args[2]);
        List<Path> texts;
        try (Stream<Path> files = Files.list(in)) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        if (!texts.isEmpty()) {
            String first = new String(Files.readAllBytes(texts.get(0)), StandardCharsets.UTF_8);
            tagger.process(first, day.parse("2000-01-01"));
        }
        long spent = 0;
        for (Path text : texts) {
            String name = text.getFileName().toString().replaceAll("\\.txt$", "");
            String document = new String(Files.readAllBytes(text), StandardCharsets.UTF_8);
            String dct = new String(Files.readAllBytes(in.resolve(name + ".dct")), StandardCharsets.UTF_8).trim();
            long started = System.nanoTime();
            String timeml = tagger.process(document, day.parse(dct));
            spent += System.nanoTime() - started;
            Files.write(out.resolve(name + ".tml"), timeml.getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("SECONDS " + (spent / 1e9));
    }
}

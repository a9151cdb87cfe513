package dev.gazette.intake;

import dev.gazette.model.Problem;
import java.util.List;
import java.util.Objects;

/**
 * What {@code gazette import} did with each file it was given, in the order it looked at them.
 *
 * @param outcomes one per file
 */
public record ImportReport(List<Outcome> outcomes) {

    public ImportReport {
        outcomes = List.copyOf(outcomes);
    }

    /** What became of one file. */
    public enum Status {
        /** Written, and the page read without a remark. */
        IMPORTED,
        /** Written; the problems say what was guessed, dropped or fixed. */
        IMPORTED_WITH_WARNINGS,
        /** Already imported: the article in the target folder is what this import would write. */
        UNCHANGED,
        /** Not written; the problems say why and what to do. */
        SKIPPED
    }

    /**
     * @param source   the file, as the command line named it (or its folder and the path below it)
     * @param status   what became of it
     * @param written  the article written or found unchanged, relative to the target folder; {@code null} when skipped
     * @param problems the errors (when skipped) and warnings, each naming the file
     */
    public record Outcome(String source, Status status, String written, List<Problem> problems) {

        public Outcome {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(status, "status");
            problems = List.copyOf(problems);
        }
    }

    /** How many files ended with {@code status}. */
    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether every file was imported (or already was). */
    public boolean complete() {
        return count(Status.SKIPPED) == 0;
    }

    /** The summary line: {@code 12 files: 9 imported (2 with warnings), 1 unchanged, 2 skipped.} */
    public String summary() {
        long warned = count(Status.IMPORTED_WITH_WARNINGS);
        long imported = count(Status.IMPORTED) + warned;
        return outcomes.size() + (outcomes.size() == 1 ? " file: " : " files: ") + imported + " imported"
                + (warned > 0 ? " (" + warned + " with warnings)" : "") + ", " + count(Status.UNCHANGED) + " unchanged, "
                + count(Status.SKIPPED) + " skipped.";
    }
}

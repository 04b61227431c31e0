package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad flags on the commands besides `train` (which CliFuzzTest covers): each is exit code 2 with one message that
 * names the flag or value, never a stack trace, and nothing starts running.
 */
class CliBadFlagsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ntk --problem nope | unknown problem 'nope'",
            "ntk --width 0 | net.width",
            "ntk --points -3 | -3",
            "ntk --max-points 5 | --max-points",
            "ntk --problem poisson1d --kernel structred | did you mean 'structured'?",
            "ntk --problem poisson1d --memory-mb 0 | ntk.memory_mb",
            "reproduce nope | nope",
            "reproduce ntk-weights-wave --seeds 0 | --seeds",
            "reproduce ntk-width-kdv --max-width -1 | --max-width",
            "reproduce ntk-weights-wave --time -1 | --time",
            "bench step --repeats 0 | --repeats",
            "bench jacobian --repeats -1 | --repeats",
            "bench nope | nope",
            "problems nope | unknown problem 'nope'",
            "compare /nonexistent-run | /nonexistent-run",
            "report /nonexistent-run | /nonexistent-run",
    })
    void badFlagsAreCleanErrors(String line, String named) {
        Subprocess.Result r = Subprocess.inProcess(line.trim().split("\\s+"));
        assertEquals(ExitCodes.BAD_INPUT, r.code(), line + ": " + r.err());
        assertTrue(r.err().contains(named.trim()), line + " names " + named + ": " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("internal error"), r.err());
    }
}

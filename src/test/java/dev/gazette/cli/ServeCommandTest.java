package dev.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aTakenPortIsSaidWithWhatToDo() throws Exception {
        GazetteCommandTest.tinySite(tmp);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GazetteCommandTest.Run run = GazetteCommandTest.run("serve", "--source", tmp.resolve("articles").toString(),
                    "--config", tmp.resolve("site.yml").toString(), "--cache", tmp.resolve(".gazette").toString(),
                    "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is taken"), run.err());
            assertTrue(run.err().contains("--port"), run.err());
        }
    }

    @Test
    void badPortsAndAddressesAreRefused() throws Exception {
        GazetteCommandTest.tinySite(tmp);
        assertEquals(2, GazetteCommandTest.run("serve", "--port", "70000").exit());
        GazetteCommandTest.Run run = GazetteCommandTest.run("serve", "--bind", "no-such-host.invalid", "--port", "0",
                "--source", tmp.resolve("articles").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("unknown address"), run.err());
    }
}

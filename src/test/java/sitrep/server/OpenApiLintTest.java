package sitrep.server;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * serve's OpenAPI document passes Redocly's recommended rules (operationIds, security on every operation, a 4xx
 * answer each, examples that match their schemas...), as client generators and API tools expect. The linter is the
 * npm package pinned in scripts/api-lint, which scripts/test.sh installs; without it the test is skipped.
 */
class OpenApiLintTest {
    @Test
    void openApiDocumentLintsClean() throws Exception {
        File cli = new File("scripts/api-lint/node_modules/@redocly/cli/bin/cli.js");
        assumeTrue(cli.isFile(), "the OpenAPI linter is not installed: (cd scripts/api-lint && npm ci), as scripts/test.sh does");
        Process p = new ProcessBuilder("node", cli.getPath(), "lint", "--format=stylish", "src/main/resources/sitrep/server/openapi.json")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the linter finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Your API description is valid") && !out.contains("warning "), out);
    }
}

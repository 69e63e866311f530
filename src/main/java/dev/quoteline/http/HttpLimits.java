package dev.quoteline.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request body limits of the GraphQL endpoint ({@code quoteline.http.*}). Writers get more room because an
 * {@code ingestArticle} body may hold 2 MiB characters of text, and JSON escaping can make each character up to six
 * bytes (a backslash-u escape for every non-ASCII character, as Python's {@code json.dumps} writes by default):
 * 12 MiB plus room for the rest of the request.
 */
@ConfigMapping(prefix = "quoteline.http")
public interface HttpLimits {
    /** The largest body anyone may send. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** The largest body a request with an accepted writer token may send. */
    @WithDefault("13M")
    MemorySize writerMaxBodySize();
}

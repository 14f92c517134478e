package sitrep.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error answers, given before a request reaches the API (a URI over Jetty's limit: 414; a bad
 * percent escape or an ambiguous path: 400; headers too large: 431), in the API's JSON error form
 * ({"error": ..., "status": ...}) instead of Jetty's HTML page, so clients parse every error alike.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** The API's error body. */
    static String body(int status, String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message).put("status", status).toString();
    }

    private static String message(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() || reason.equals(standard) ? standard : standard + ": " + reason;
    }

    /** A request Jetty's parser refused (no servlet runs). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, message(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    /** An error Jetty sends for a parsed request (sendError outside the API's handlers). */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(code, message(code, message)));
    }
}

package org.palmares.platform;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Refuses a JSON body of the wrong shape (an array where a method reads an object) with a 400 problem: the JSON-P
 * reader hands over whatever structure it parsed, and the method call would then fail outside the exception mappers
 * with a 500 (found by the fuzzer of SecurityIT).
 */
@Provider
public class JsonBodyShape implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body != null && !context.getType().isInstance(body)) throw new DomainException(400, "error.json");
        return body;
    }
}

package dev.autodev.web;

import dev.autodev.common.ApiActivity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Counts the REST requests being answered ({@link ApiActivity}). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiActivityFilter extends RestApiFilter {

    private final ApiActivity activity;

    ApiActivityFilter(ApiActivity activity) {
        this.activity = activity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        activity.requestStarted();
        try {
            chain.doFilter(request, response);
        } finally {
            activity.requestEnded();
        }
    }
}

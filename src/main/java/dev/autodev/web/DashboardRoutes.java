package dev.autodev.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The dashboard routes with the History API, so a reloaded or shared link such as {@code /jobs/42} reaches the server.
 * Such a page GET (accepting text/html, no file extension, outside the API) gets index.html and the dashboard's router
 * takes over; anything else missing stays the JSON 404 of {@link ApiErrors}.
 */
@Configuration
class DashboardRoutes implements WebMvcConfigurer {

    private static final List<String> SERVER_PREFIXES = List.of("api/", "mcp", "ws");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(false)
                .addResolver(new IndexFallback());
    }

    static final class IndexFallback extends PathResourceResolver {
        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            Resource found = super.resolveResourceInternal(request, requestPath, locations, chain);
            if (found != null || request == null || !isPageRequest(request, requestPath)) return found;
            return super.resolveResourceInternal(request, "index.html", locations, chain);
        }

        static boolean isPageRequest(HttpServletRequest request, String path) {
            String accept = request.getHeader("Accept");
            String last = path.substring(path.lastIndexOf('/') + 1);
            return "GET".equals(request.getMethod())
                    && accept != null && accept.contains("text/html")
                    && !last.contains(".")
                    && SERVER_PREFIXES.stream().noneMatch(path::startsWith);
        }
    }
}

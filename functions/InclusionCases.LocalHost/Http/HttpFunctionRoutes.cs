using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace InclusionCases.LocalHost.Http;

/// <summary>Maps each discovered HTTP function to <c>/{routePrefix}/{route}</c> for its methods.</summary>
internal static class HttpFunctionRoutes
{
    public static void Map(WebApplication app, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            // As the Functions host: routes starting with "admin" clash with its admin API and are refused.
            if (function.Route.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException($"Function '{function.Name}': the Functions host refuses routes that start with 'admin'.");
            }

            var bind = HttpArgumentBinder.For(function);
            var template = "/" + string.Join('/', new[] { routePrefix.Trim('/'), function.Route.Trim('/') }.Where(s => s.Length > 0));
            app.MapMethods(template, function.Methods, async context =>
            {
                var result = await FunctionInvoker.InvokeAsync(function.Method, context.RequestServices, bind(context));
                switch (result)
                {
                    case IActionResult action:
                        await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                        break;
                    case null:
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        break;
                    default:
                        throw new NotSupportedException($"Function '{function.Name}' returned {result.GetType().Name}; the local host runs IActionResult results.");
                }
            }).WithName(function.Name);
        }
    }
}

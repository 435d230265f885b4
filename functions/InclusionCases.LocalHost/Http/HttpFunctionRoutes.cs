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
            if (ReservedRoutes.IsReserved(function.Route))
            {
                // InvalidOperationException, as the host throws: the local host's command line reports it in one line.
                throw new InvalidOperationException(
                    $"Function '{function.Name}' (route '{function.Route}'): {ReservedRoutes.ConflictMessage} The Functions host refuses routes that start with 'admin' or 'runtime'.");
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

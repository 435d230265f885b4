using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.LocalHost.Http;

/// <summary>
/// Binds an HTTP function's parameters from a request: the trigger parameter (<see cref="HttpRequest"/>),
/// route values by parameter name, and the request's <see cref="CancellationToken"/>. Anything else
/// is refused when the host starts, not at the first request.
/// </summary>
internal static class HttpArgumentBinder
{
    public static Func<HttpContext, object?[]> For(HttpFunction function)
    {
        var binders = function.Method.GetParameters().Select(p => ForParameter(function, p)).ToArray();
        return context => [.. binders.Select(b => b(context))];
    }

    private static Func<HttpContext, object?> ForParameter(HttpFunction function, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? context => context.Request
                : throw Unsupported(function, parameter, "the trigger parameter must be an HttpRequest (ASP.NET Core integration)");
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        var name = parameter.Name!;
        if (function.Route.Contains('{' + name, StringComparison.OrdinalIgnoreCase))
        {
            var converter = TypeDescriptor.GetConverter(parameter.ParameterType);
            return context => context.Request.RouteValues.TryGetValue(name, out var value) && value is not null
                ? converter.ConvertFrom(null, CultureInfo.InvariantCulture, value.ToString()!)
                : null;
        }

        throw Unsupported(function, parameter, "the local host binds HttpRequest, route values and CancellationToken only");
    }

    private static NotSupportedException Unsupported(HttpFunction function, ParameterInfo parameter, string why) =>
        new($"Function '{function.Name}', parameter '{parameter.Name}': {why}.");
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Hosting;

/// <summary>
/// Every function of the given assemblies, read from the same attributes the Functions SDK turns
/// into <c>functions.metadata</c>: <c>[Function]</c> on the method, <c>[HttpTrigger]</c> or
/// <c>[QueueTrigger]</c> or <c>[TimerTrigger]</c> on a parameter. There is no second, hand-kept route table.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<QueueFunction> queues, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Queues = queues;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<QueueFunction> Queues { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        var http = new List<HttpFunction>();
        var queues = new List<QueueFunction>();
        var timers = new List<TimerFunction>();
        foreach (var method in assemblies.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            if (function is null)
            {
                continue;
            }

            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } httpTrigger)
                {
                    var methods = (httpTrigger.Methods is { Length: > 0 } m ? m : ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
                        .Select(x => x.ToUpperInvariant()).ToArray();
                    // As the host: no route (or a blank one) means the function's name.
                    var route = string.IsNullOrWhiteSpace(httpTrigger.Route) ? function.Name : httpTrigger.Route;
                    http.Add(new HttpFunction(function.Name, methods, route, method));
                }
                else if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queueTrigger)
                {
                    queues.Add(new QueueFunction(function.Name, queueTrigger.QueueName, queueTrigger.Connection ?? "AzureWebJobsStorage", method, parameter));
                }
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timerTrigger)
                {
                    timers.Add(new TimerFunction(function.Name, timerTrigger.Schedule, timerTrigger.RunOnStartup, method));
                }
            }
        }

        return new FunctionCatalog(
            [.. http.OrderBy(f => f.Route, StringComparer.Ordinal)],
            [.. queues.OrderBy(f => f.Name, StringComparer.Ordinal)],
            [.. timers.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }
}

namespace InclusionCases.LocalHost.Http;

/// <summary>
/// The route space the Functions host keeps for its own APIs. At indexing it refuses an HTTP function
/// whose route, trimmed of <c>/</c> and lower-cased, starts with <c>admin</c> or <c>runtime</c>, with
/// "The specified route conflicts with one or more built in routes." The test is a plain text prefix
/// on the function's route alone, so <c>administration/x</c> and <c>runtimes</c> are refused too,
/// whatever <c>routePrefix</c> is (azure-functions-host, <c>ScriptHost.ValidateHttpFunction</c>).
/// </summary>
public static class ReservedRoutes
{
    /// <summary>The host's message, which the local host repeats.</summary>
    public const string ConflictMessage = "The specified route conflicts with one or more built in routes.";

    private static readonly string[] Prefixes = ["admin", "runtime"];

    /// <summary>Whether the host refuses <paramref name="route"/> (the function's route, without the route prefix).</summary>
    public static bool IsReserved(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var normalized = route.Trim('/').ToLowerInvariant();
        return Prefixes.Any(p => normalized.StartsWith(p, StringComparison.Ordinal));
    }
}

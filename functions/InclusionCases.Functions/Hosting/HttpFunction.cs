using System.Reflection;

namespace InclusionCases.Functions.Hosting;

/// <summary>An HTTP-triggered function: its name, methods and route (without the route prefix).</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, MethodInfo Method)
{
    /// <summary>The function's declaration: what it does and which operation it performs.</summary>
    public ApiDocAttribute? Doc => Method.GetCustomAttribute<ApiDocAttribute>();
}

using System.Reflection;

namespace InclusionCases.Functions.Hosting;

/// <summary>An HTTP-triggered function: its name, methods and route (without the route prefix).</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, MethodInfo Method);

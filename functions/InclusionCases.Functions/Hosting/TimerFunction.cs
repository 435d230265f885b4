using System.Reflection;

namespace InclusionCases.Functions.Hosting;

/// <summary>A timer-triggered function: its name and NCRONTAB schedule (possibly a <c>%Setting%</c> expression).</summary>
public sealed record TimerFunction(string Name, string Schedule, bool RunOnStartup, MethodInfo Method);
